import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { deleteObject, headObject, thumbnailKeyFor } from '@/lib/storage/s3';
import { presignPost, type UploadPost } from '@/lib/storage/presign';
import { signThumbnailUrl } from '@/lib/storage/download-url';
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_TYPES, type ThumbnailType } from '@/lib/files/thumbnail-rules';

// Thumbnails are made in the uploader's browser (components/files/make-thumbnail.ts) and posted
// straight to the bucket like the file itself: the server signs and checks, and never decodes an
// image. They do not count toward the quota (64 KiB at most, one per file).

// The browser has the image drawn before it asks, so the form need not live long.
const THUMBNAIL_POST_TTL_SECONDS = 120;

const NO_FILE = 'thumbnails.errors.fileGone';

/** The columns a thumbnail needs, for whoever loads the file after checking the caller may touch it. */
export const THUMBNAIL_FILE_FIELDS = { id: true, status: true, storageKey: true, thumbnailKey: true } as const;
export type ThumbnailFile = { id: string; status: string; storageKey: string; thumbnailKey: string | null };

async function ownFile(ownerId: string, fileId: string): Promise<ThumbnailFile> {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId }, select: THUMBNAIL_FILE_FIELDS });
  if (!file) throw new UserError(NO_FILE);
  return file;
}

/** A POST form for the thumbnail of one of the owner's files. */
export async function prepareThumbnail(ownerId: string, fileId: string, contentType: ThumbnailType): Promise<UploadPost> {
  return signThumbnailPost(await ownFile(ownerId, fileId), contentType);
}

/** Records the thumbnail of one of the owner's files, once it is in the bucket. */
export async function confirmThumbnail(ownerId: string, fileId: string, contentType: ThumbnailType): Promise<null> {
  return recordThumbnail(await ownFile(ownerId, fileId), contentType);
}

function readyFileThumbnailKey(file: ThumbnailFile, contentType: ThumbnailType): string {
  if (file.status !== 'ready') throw new UserError(NO_FILE);
  return thumbnailKeyFor(file.storageKey, THUMBNAIL_TYPES[contentType]);
}

/**
 * The thumbnail's POST form for a file the caller was found allowed to touch (its owner, or the
 * sender holding its upload handle): its own key, this type, 1 byte to the cap. Only a ready file
 * takes one: a pending upload may never arrive, and a file being deleted must keep none.
 */
export async function signThumbnailPost(file: ThumbnailFile, contentType: ThumbnailType): Promise<UploadPost> {
  const key = readyFileThumbnailKey(file, contentType);
  return presignPost(key, [1, THUMBNAIL_MAX_BYTES], contentType, THUMBNAIL_POST_TTL_SECONDS);
}

/** Records the thumbnail that arrived, once the bucket shows it small enough and of the type signed. */
export async function recordThumbnail(file: ThumbnailFile, contentType: ThumbnailType): Promise<null> {
  const key = readyFileThumbnailKey(file, contentType);
  const head = await headObject(key);
  if (!head) throw new UserError('thumbnails.errors.notArrived');
  if (head.size > THUMBNAIL_MAX_BYTES || head.contentType !== contentType) {
    await deleteObject(key);
    throw new UserError('thumbnails.errors.wrongSizeOrType');
  }
  // Still ready now, not only when read: deleting may have begun since.
  const { count } = await db().file.updateMany({ where: { id: file.id, status: 'ready' }, data: { thumbnailKey: key } });
  if (count === 0) {
    await deleteObject(key);
    throw new UserError(NO_FILE);
  }
  // A thumbnail of the other type, from an earlier upload of one, is no longer needed.
  if (file.thumbnailKey && file.thumbnailKey !== key) await deleteObject(file.thumbnailKey);
  return null;
}

function thumbnailType(key: string): ThumbnailType {
  return key.endsWith(`.${THUMBNAIL_TYPES['image/jpeg']}`) ? 'image/jpeg' : 'image/webp';
}

/** Rows with their thumbnail's short-lived URL (or null) in place of its key, for a page that lists them. */
export async function withThumbnailUrls<T extends { thumbnailKey: string | null }>(rows: T[]): Promise<(Omit<T, 'thumbnailKey'> & { thumbnailUrl: string | null })[]> {
  return Promise.all(
    rows.map(async ({ thumbnailKey, ...row }) => ({ ...row, thumbnailUrl: thumbnailKey ? await signThumbnailUrl(thumbnailKey, thumbnailType(thumbnailKey)) : null })),
  );
}
