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

async function ownReadyFile(ownerId: string, fileId: string) {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId, status: 'ready' }, select: { storageKey: true, thumbnailKey: true } });
  if (!file) throw new UserError(NO_FILE);
  return file;
}

/** A POST form for the thumbnail of one of the owner's files: its own key, this type, 1 byte to the cap. */
export async function prepareThumbnail(ownerId: string, fileId: string, contentType: ThumbnailType): Promise<UploadPost> {
  const file = await ownReadyFile(ownerId, fileId);
  const key = thumbnailKeyFor(file.storageKey, THUMBNAIL_TYPES[contentType]);
  return presignPost(key, [1, THUMBNAIL_MAX_BYTES], contentType, THUMBNAIL_POST_TTL_SECONDS);
}

/**
 * Records the thumbnail that arrived, once the bucket shows it small enough and of the type
 * signed. Only a ready file takes one: a file being deleted keeps none that could be left behind.
 */
export async function confirmThumbnail(ownerId: string, fileId: string, contentType: ThumbnailType): Promise<null> {
  const file = await ownReadyFile(ownerId, fileId);
  const key = thumbnailKeyFor(file.storageKey, THUMBNAIL_TYPES[contentType]);
  const head = await headObject(key);
  if (!head) throw new UserError('thumbnails.errors.notArrived');
  if (head.size > THUMBNAIL_MAX_BYTES || head.contentType !== contentType) {
    await deleteObject(key);
    throw new UserError('thumbnails.errors.wrongSizeOrType');
  }
  const { count } = await db().file.updateMany({ where: { id: fileId, ownerId, status: 'ready' }, data: { thumbnailKey: key } });
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
