import type { ActionResult } from '@/lib/actions/result';
import type { ThumbnailType } from '@/lib/files/thumbnail-rules';
import { postToBucket, type PostTarget } from '@/components/files/post-to-bucket';
import type { Thumbnail } from '@/components/files/make-thumbnail';

/** The two server actions a thumbnail needs, bound to one upload by whichever API sends it. */
export type ThumbnailActions = {
  prepare(contentType: ThumbnailType): Promise<ActionResult<PostTarget>>;
  confirm(contentType: ThumbnailType): Promise<ActionResult<unknown>>;
};

/**
 * The thumbnail goes to the bucket as the file did, by a presigned POST, then is confirmed; true
 * once lists will show it. Any failure just leaves the file without one.
 */
export async function sendThumbnail({ prepare, confirm }: ThumbnailActions, { blob, type }: Thumbnail): Promise<boolean> {
  try {
    const prepared = await prepare(type);
    if (!prepared.ok) return false;
    await postToBucket(prepared.data, new File([blob], 'thumbnail', { type }), () => undefined, new AbortController().signal);
    return (await confirm(type)).ok;
  } catch {
    return false;
  }
}
