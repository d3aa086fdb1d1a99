import 'server-only';
import { DeleteObjectCommand, HeadObjectCommand, NotFound, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';

const globalForS3 = globalThis as unknown as { handoffS3?: S3Client };

export function s3(): S3Client {
  globalForS3.handoffS3 ??= createClient();
  return globalForS3.handoffS3;
}

function createClient(): S3Client {
  const config = env();
  return new S3Client({
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Presigned PUT/UploadPart URLs must not carry x-amz-checksum-* parameters: the browser
    // cannot compute them in advance, and S3 rejects the upload when they do not match.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
  });
}

export function bucket(): string {
  return env().S3_BUCKET;
}

/** Keys are generated, never derived from names the user typed. */
export function storageKeyFor(userId: string, fileId: string): string {
  return `users/${userId}/${fileId}`;
}

/** Files sent in through an upload request stay under that request's own prefix. */
export function requestKeyFor(userId: string, requestId: string, fileId: string): string {
  return `users/${userId}/requests/${requestId}/${fileId}`;
}

export type ObjectHead = { size: number; etag: string | null; contentType: string | null };

export async function headObject(key: string): Promise<ObjectHead | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { size: head.ContentLength ?? 0, etag: head.ETag ?? null, contentType: head.ContentType ?? null };
  } catch (error) {
    if (error instanceof NotFound) return null;
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}

/** Deleting a key that is already gone succeeds, so this is safe to retry. */
export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}
