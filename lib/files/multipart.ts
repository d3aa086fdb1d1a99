import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { admitUpload, finishUpload, insertPendingFile, placeUpload, type PrepareInput, type UploadOrigin } from '@/lib/files/upload';
import { abortParts, completeParts, createParts, listParts, signPart, type Part } from '@/lib/storage/multipart';

export type MultipartPlan = { fileId: string; partSize: number; partCount: number };

// Big files upload in parts straight to the bucket: the server opens the upload, signs each
// part's PUT just before the browser sends it, and completes it; ListParts makes it resumable.

export async function startMultipart(ownerId: string, input: PrepareInput, origin: UploadOrigin | null = null): Promise<MultipartPlan> {
  await admitUpload(ownerId, input, origin);
  const partSize = env().MULTIPART_PART_SIZE;
  const partCount = Math.max(1, Math.ceil(input.size / partSize));
  if (partCount > 10_000) throw new UserError(`"${input.name}" needs more than 10,000 parts; raise MULTIPART_PART_SIZE.`);
  const file = placeUpload(ownerId, origin);
  const uploadId = await createParts(file.storageKey, input.contentType);
  try {
    await insertPendingFile(ownerId, input, { ...file, uploadId, partSize }, origin);
  } catch (error) {
    await abortParts(file.storageKey, uploadId).catch(() => undefined);
    throw error;
  }
  return { fileId: file.id, partSize, partCount };
}

async function openUpload(ownerId: string, fileId: string) {
  const file = await db().file.findFirst({
    where: { id: fileId, ownerId, status: 'pending' },
    select: { storageKey: true, uploadId: true, partSize: true, size: true, name: true },
  });
  if (!file?.uploadId || !file.partSize) throw new UserError('This upload was cancelled or has expired. Upload the file again.');
  return { ...file, uploadId: file.uploadId, partSize: file.partSize, partCount: Math.max(1, Math.ceil(Number(file.size) / file.partSize)) };
}

/** URLs for a few parts at a time, never the whole file at once. */
export async function signParts(ownerId: string, fileId: string, partNumbers: number[]): Promise<{ partNumber: number; url: string }[]> {
  const upload = await openUpload(ownerId, fileId);
  if (partNumbers.some((n) => n < 1 || n > upload.partCount)) throw new UserError('That part is not in this upload.');
  const ttl = env().UPLOAD_URL_TTL_SECONDS;
  return Promise.all(partNumbers.map(async (partNumber) => ({ partNumber, url: await signPart(upload.storageKey, upload.uploadId, partNumber, ttl) })));
}

/** What is already in the bucket, so a resumed upload sends only the rest. */
export async function uploadedParts(ownerId: string, fileId: string): Promise<{ partSize: number; partCount: number; parts: Part[] }> {
  const upload = await openUpload(ownerId, fileId);
  return { partSize: upload.partSize, partCount: upload.partCount, parts: await listParts(upload.storageKey, upload.uploadId) };
}

/** Completes from the parts S3 itself lists (not from what the browser claims), then checks size and quota. */
export async function completeMultipart(ownerId: string, fileId: string) {
  const upload = await openUpload(ownerId, fileId);
  const parts = await listParts(upload.storageKey, upload.uploadId);
  if (parts.length !== upload.partCount) throw new UserError(`"${upload.name}" is missing ${upload.partCount - parts.length} of its ${upload.partCount} parts.`);
  await completeParts(upload.storageKey, upload.uploadId, parts);
  await db().file.update({ where: { id: fileId }, data: { uploadId: null } });
  return finishUpload(ownerId, fileId, upload);
}
