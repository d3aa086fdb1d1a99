import 'server-only';
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, ListPartsCommand, NoSuchUpload, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucket, s3 } from '@/lib/storage/s3';
import { storageNow } from '@/lib/clock';

export type Part = { partNumber: number; etag: string; size: number };

export async function createParts(key: string, contentType: string): Promise<string> {
  const created = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: contentType }));
  if (!created.UploadId) throw new Error('the storage server gave no upload id');
  return created.UploadId;
}

/**
 * One part's PUT URL, signed when the browser is about to send it (no checksum parameters).
 * Content-Length is signed too, so the URL takes exactly this part's size and nothing larger.
 */
export function signPart(key: string, uploadId: string, partNumber: number, size: number, expiresIn: number): Promise<string> {
  const command = new UploadPartCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumber: partNumber, ContentLength: size });
  // Dated by the store's clock (lib/clock.ts), like every URL the store must accept.
  return getSignedUrl(s3(), command, { expiresIn, signableHeaders: new Set(['content-length']), signingDate: storageNow() });
}

export async function listParts(key: string, uploadId: string): Promise<Part[]> {
  const parts: Part[] = [];
  let marker: string | undefined;
  do {
    const page = await s3().send(new ListPartsCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumberMarker: marker }));
    for (const part of page.Parts ?? []) {
      if (part.PartNumber && part.ETag) parts.push({ partNumber: part.PartNumber, etag: part.ETag, size: part.Size ?? 0 });
    }
    marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
  } while (marker);
  return parts;
}

export async function completeParts(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
  await s3().send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket(),
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

/** Frees the parts; an upload that is already gone counts as aborted. */
export async function abortParts(key: string, uploadId: string): Promise<void> {
  try {
    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId }));
  } catch (error) {
    if (error instanceof NoSuchUpload || (error as { name?: string }).name === 'NoSuchUpload') return;
    throw error;
  }
}
