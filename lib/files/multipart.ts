import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { admitUpload, discardUpload, finishUpload, insertPendingFile, placeUpload, type PrepareInput, type UploadOrigin } from '@/lib/files/upload';
import { abortParts, completeParts, createParts, listParts, signPart, type Part } from '@/lib/storage/multipart';

export type MultipartPlan = { fileId: string; partSize: number; partCount: number };

// Big files upload in parts straight to the bucket: the server opens the upload, signs each
// part's PUT just before the browser sends it, and completes it; ListParts makes it resumable.

export async function startMultipart(ownerId: string, input: PrepareInput, origin: UploadOrigin | null = null): Promise<MultipartPlan> {
  await admitUpload(ownerId, input, origin);
  const partSize = env().MULTIPART_PART_SIZE;
  const partCount = Math.max(1, Math.ceil(input.size / partSize));
  if (partCount > 10_000) throw new UserError('files.errors.tooManyParts', { name: input.name });
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
  if (!file?.uploadId || !file.partSize) throw new UserError('files.errors.uploadGone');
  return { ...file, uploadId: file.uploadId, partSize: file.partSize, partCount: Math.max(1, Math.ceil(Number(file.size) / file.partSize)) };
}

type OpenUpload = Awaited<ReturnType<typeof openUpload>>;

/** Every part is partSize bytes except the last, which holds the rest; null for a number not in the upload. */
function expectedPartSize(upload: OpenUpload, partNumber: number): number | null {
  if (partNumber < 1 || partNumber > upload.partCount) return null;
  return partNumber < upload.partCount ? upload.partSize : Number(upload.size) - (upload.partCount - 1) * upload.partSize;
}

/** What is wrong with the stored parts' sizes (exact byte counts), or null when each has its exact size and they add up. */
function partSizeProblem(upload: OpenUpload, parts: Part[]): UserError | null {
  const name = upload.name;
  const wrong = parts.find((part) => part.size !== expectedPartSize(upload, part.partNumber));
  if (wrong)
    return new UserError('files.errors.partWrongSize', {
      name,
      part: wrong.partNumber,
      size: String(wrong.size),
      expected: String(expectedPartSize(upload, wrong.partNumber) ?? 0),
    });
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  return total === Number(upload.size) ? null : new UserError('files.errors.partsWrongTotal', { name, total: String(total), expected: String(upload.size) });
}

/** URLs for a few parts at a time, never the whole file at once. */
export async function signParts(ownerId: string, fileId: string, partNumbers: number[]): Promise<{ partNumber: number; url: string }[]> {
  const upload = await openUpload(ownerId, fileId);
  const sizes = partNumbers.map((n) => expectedPartSize(upload, n));
  if (sizes.includes(null)) throw new UserError('files.errors.partNotInUpload');
  const ttl = env().UPLOAD_URL_TTL_SECONDS;
  return Promise.all(partNumbers.map(async (partNumber, i) => ({ partNumber, url: await signPart(upload.storageKey, upload.uploadId, partNumber, sizes[i]!, ttl) })));
}

/** What is already in the bucket, so a resumed upload sends only the rest. */
export async function uploadedParts(ownerId: string, fileId: string): Promise<{ partSize: number; partCount: number; parts: Part[] }> {
  const upload = await openUpload(ownerId, fileId);
  return { partSize: upload.partSize, partCount: upload.partCount, parts: await listParts(upload.storageKey, upload.uploadId) };
}

/**
 * Completes from the parts S3 itself lists (not from what the browser claims), each of its exact
 * size, then checks size and quota. Wrong sizes discard the upload before S3 assembles anything.
 */
export async function completeMultipart(ownerId: string, fileId: string) {
  const upload = await openUpload(ownerId, fileId);
  const parts = await listParts(upload.storageKey, upload.uploadId);
  if (parts.length < upload.partCount) throw new UserError('files.errors.missingParts', { name: upload.name, missing: upload.partCount - parts.length, count: upload.partCount });
  const problem = partSizeProblem(upload, parts);
  if (problem) {
    await discardUpload(fileId, upload.storageKey, upload.uploadId);
    throw problem;
  }
  await completeParts(upload.storageKey, upload.uploadId, parts);
  await db().file.update({ where: { id: fileId }, data: { uploadId: null } });
  return finishUpload(ownerId, fileId, upload);
}
