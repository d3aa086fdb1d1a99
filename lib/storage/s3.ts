import 'server-only';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { appStore, type Store } from '@/lib/storage/store';

/** The app's own bucket's client (lib/storage/store.ts). */
export function s3(): S3Client {
  return appStore().client;
}

export function bucket(): string {
  return appStore().bucket;
}

/** Keys are generated, never derived from names the user typed. */
export function storageKeyFor(userId: string, fileId: string): string {
  return `users/${userId}/${fileId}`;
}

/** Files sent in through an upload request stay under that request's own prefix. */
export function requestKeyFor(userId: string, requestId: string, fileId: string): string {
  return `users/${userId}/requests/${requestId}/${fileId}`;
}

// A presigned POST can be replayed until its policy expires, so the browser never posts to the
// file's own key: it posts to an incoming key that only the pending upload uses, and confirming
// copies the checked bytes into place. A replay later lands on an incoming object nothing points at.
const INCOMING = '.incoming';

/** Where a pending upload's POST puts the bytes: beside the file's key, under the same prefix. */
export function incomingKeyFor(storageKey: string): string {
  return `${storageKey}${INCOMING}`;
}

/** The file key an incoming object belongs to, or null for any other key. */
export function storageKeyOfIncoming(key: string): string | null {
  return key.endsWith(INCOMING) ? key.slice(0, -INCOMING.length) : null;
}

// A file's thumbnail sits beside it, its key ending in its type, so the type it is served as
// follows from the key alone.
const THUMBNAIL = '.thumb.';

export function thumbnailKeyFor(storageKey: string, extension: string): string {
  return `${storageKey}${THUMBNAIL}${extension}`;
}

// Infected files move here when CLAMAV_INFECTED=quarantine: outside users/, so no download
// path, direct link or sweeper rule for files applies, and a bucket policy or lifecycle rule can
// target the prefix as a whole.
const QUARANTINE = 'quarantine/';

export function quarantineKeyFor(storageKey: string): string {
  return `${QUARANTINE}${storageKey}`;
}

export function isQuarantined(storageKey: string): boolean {
  return storageKey.startsWith(QUARANTINE);
}

export type ObjectHead = { size: number; etag: string | null; contentType: string | null };

export async function headObject(key: string, store: Store = appStore()): Promise<ObjectHead | null> {
  try {
    const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }));
    return { size: head.ContentLength ?? 0, etag: head.ETag ?? null, contentType: head.ContentType ?? null };
  } catch (error) {
    if (error instanceof NotFound) return null;
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}

/** Deleting a key that is already gone succeeds, so this is safe to retry. */
export async function deleteObject(key: string, store: Store = appStore()): Promise<void> {
  await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: key }));
}

/**
 * Server-side copy that happens only while the source still has the ETag that was checked, so
 * bytes that changed after the check never reach the target. Returns the copy's ETag, or null
 * when the source is gone or changed.
 */
export async function copyObjectIfMatch(from: string, to: string, etag: string): Promise<string | null> {
  try {
    const copied = await s3().send(
      new CopyObjectCommand({ Bucket: bucket(), Key: to, CopySource: `${bucket()}/${from.split('/').map(encodeURIComponent).join('/')}`, CopySourceIfMatch: etag }),
    );
    const copiedEtag = copied.CopyObjectResult?.ETag;
    // Quoted as HeadObject gives it (some stores leave the quotes off here).
    return copiedEtag ? `"${copiedEtag.replace(/^"|"$/g, '')}"` : null;
  } catch (error) {
    const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
    if (status === 404 || status === 412) return null;
    throw error;
  }
}

/** The object's bytes as a stream (never whole in memory), or null when there is no such object. */
export async function readObject(key: string, store: Store = appStore()): Promise<AsyncIterable<Uint8Array> | null> {
  try {
    const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }));
    // In Node the body is an IncomingMessage: an async iterable of Buffers.
    return (object.Body as AsyncIterable<Uint8Array> | undefined) ?? null;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}
