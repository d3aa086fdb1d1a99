import type { ActionResult } from '@/lib/actions/result';
import type { PostTarget } from '@/components/files/post-to-bucket';
import type { Thumbnail } from '@/components/files/make-thumbnail';

// What the upload panel needs from the server. Two sets of server actions implement it: the
// owner's (components/files/owner-upload-api.ts) and an upload request's sender's
// (components/request-page/sender-upload-api.ts). A handle names one upload to its own API.

export type FileFacts = { name: string; size: number; contentType: string };
export type Started = { handle: string; post: PostTarget | null };
export type PartPlan = { partSize: number; partCount: number; parts: { partNumber: number; size: number }[] };

export type UploadApi = {
  /** A presigned POST (post) or, for large files, an open multipart upload (post null). */
  start(file: FileFacts, multipart: boolean): Promise<ActionResult<Started>>;
  confirm(handle: string): Promise<ActionResult<unknown>>;
  cancel(handle: string): Promise<ActionResult<unknown>>;
  listParts(handle: string): Promise<ActionResult<PartPlan>>;
  signParts(handle: string, partNumbers: number[]): Promise<ActionResult<{ partNumber: number; url: string }[]>>;
  complete(handle: string): Promise<ActionResult<unknown>>;
  /** Stores a thumbnail for an arrived file; true once lists will show it. Without it, uploads get none. */
  attachThumbnail?(handle: string, thumbnail: Thumbnail): Promise<boolean>;
};
