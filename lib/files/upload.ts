import 'server-only';
import { db, lockRow } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { requireFolder } from '@/lib/files/manage';
import { copyObjectIfMatch, deleteObject, headObject, incomingKeyFor, requestKeyFor, storageKeyFor } from '@/lib/storage/s3';
import { abortParts } from '@/lib/storage/multipart';
import { applyFolderRule } from '@/lib/files/folder-rules';
import { presignUpload, type UploadPost } from '@/lib/storage/presign';
import { createId } from '@/lib/ids';
import { storageUsage } from '@/lib/files/quota';
import { kickScanner, scanStatusForNewFile } from '@/lib/files/scan';
import { fileKind } from '@/lib/files/kind';
import { metrics } from '@/lib/metrics/registry';

export type PrepareInput = { name: string; size: number; contentType: string; folderId: string | null };
export type PreparedUpload = { fileId: string; post: UploadPost };
/** Set when someone without an account sends the file through an upload request. */
export type UploadOrigin = { requestId: string; uploadedBy: string | null; maxFiles: number | null };
type NewFile = { id: string; storageKey: string; uploadId?: string; partSize?: number };

/** Size limit, folder ownership and quota: the checks every upload passes before anything is written. */
export async function admitUpload(ownerId: string, input: PrepareInput, origin: UploadOrigin | null = null): Promise<void> {
  const max = env().MAX_UPLOAD_SIZE;
  if (input.size > max) {
    throw new UserError('files.errors.tooLarge', { name: input.name, size: { bytes: input.size }, max: { bytes: max } });
  }
  await requireFolder(ownerId, input.folderId);
  // Uploads in progress count, so parallel uploads cannot overshoot the quota together.
  const usage = await storageUsage(ownerId);
  const room = usage.quota - usage.used - usage.pending;
  if (input.size > room) {
    const sizes = { name: input.name, size: { bytes: input.size }, free: { bytes: Math.max(room, 0) } };
    throw origin ? new UserError('files.errors.requesterOverQuota', sizes) : new UserError('files.errors.overQuota', { ...sizes, quota: { bytes: usage.quota } });
  }
}

/** Large files go in parts: above the threshold, and always above what one POST can carry. */
export function needsMultipart(size: number): boolean {
  return size > env().MULTIPART_THRESHOLD || size > 5 * 1024 ** 3;
}

/** A new file's id and key: users/<owner>/<file>, or under its request's prefix. */
export function placeUpload(ownerId: string, origin: UploadOrigin | null = null) {
  const id = createId();
  return { id, storageKey: origin ? requestKeyFor(ownerId, origin.requestId, id) : storageKeyFor(ownerId, id) };
}

/**
 * Writes the pending row. A request's file limit is checked in the same transaction, with the
 * request's row held, so uploads that start together cannot overshoot it.
 */
export async function insertPendingFile(ownerId: string, input: PrepareInput, file: NewFile, origin: UploadOrigin | null = null) {
  const data = {
    ...file,
    ownerId,
    folderId: input.folderId,
    name: input.name,
    size: input.size,
    contentType: input.contentType,
    kind: fileKind(input.contentType, input.name),
    ...(origin && { uploadRequestId: origin.requestId, uploadedBy: origin.uploadedBy }),
  };
  const maxFiles = origin?.maxFiles;
  if (!origin || maxFiles == null) await db().file.create({ data });
  else
    await db().$transaction(async (tx) => {
      await lockRow(tx, 'UploadRequest', origin.requestId);
      const taken = await tx.file.count({ where: { uploadRequestId: origin.requestId } });
      if (taken >= maxFiles) throw new UserError('files.errors.requestFull', { max: maxFiles });
      await tx.file.create({ data });
    });
  metrics().uploadsStarted.inc({ method: file.uploadId ? 'multipart' : 'post' });
}

/** A pending row plus a POST policy for exactly this size and type, to the upload's incoming key. */
export async function prepareUpload(ownerId: string, input: PrepareInput, origin: UploadOrigin | null = null): Promise<PreparedUpload> {
  await admitUpload(ownerId, input, origin);
  if (needsMultipart(input.size)) throw new UserError('files.errors.needsParts', { name: input.name });
  const file = placeUpload(ownerId, origin);
  // Sign first: if the store is misconfigured, no row is written.
  const post = await presignUpload(incomingKeyFor(file.storageKey), input.size, input.contentType);
  await insertPendingFile(ownerId, input, file, origin);
  return { fileId: file.id, post };
}

/** The bucket must hold the object at the declared size before the file is listed. */
export async function confirmUpload(ownerId: string, fileId: string) {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId }, select: { status: true, size: true, storageKey: true, name: true, uploadId: true } });
  if (!file) throw new UserError('files.errors.uploadGone');
  if (file.status === 'ready') return { id: fileId };
  if (file.uploadId) throw new UserError('files.errors.stillInParts', { name: file.name });
  return finishUpload(ownerId, fileId, file, incomingKeyFor(file.storageKey));
}

type Arrival = { size: bigint; storageKey: string; name: string };

/**
 * Checks the object that arrived (size, then quota) and lists the file; discards it if a check
 * fails. A POST arrives at its incoming key and is copied into place as exactly the bytes checked
 * (a multipart upload arrives at the file's key, and its upload id dies at completion).
 */
export async function finishUpload(ownerId: string, fileId: string, file: Arrival, arrivedAt = file.storageKey) {
  const head = await headObject(arrivedAt);
  if (!head?.etag) return finishedElsewhere(fileId, new UserError('files.errors.didNotArrive', { name: file.name }));
  await checkArrival(ownerId, fileId, file, head.size);
  const changed = new UserError('files.errors.changedWhileChecked', { name: file.name });
  // Claims these bytes: a confirmation racing this one (after the form was posted again, say)
  // may only finish the same bytes, so the file's key can never receive others.
  const claim = await db().file.updateMany({ where: { id: fileId, status: 'pending', OR: [{ etag: null }, { etag: head.etag }] }, data: { etag: head.etag } });
  if (claim.count === 0) return finishedElsewhere(fileId, changed);
  const etag = arrivedAt === file.storageKey ? head.etag : await copyObjectIfMatch(arrivedAt, file.storageKey, head.etag);
  if (!etag) return finishedElsewhere(fileId, changed);
  // Conditional: of two racing confirmations only one makes the file ready and runs the folder's rule.
  const scanStatus = scanStatusForNewFile();
  const { count } = await db().file.updateMany({ where: { id: fileId, status: 'pending' }, data: { status: 'ready', etag, uploadId: null, scanStatus } });
  if (arrivedAt !== file.storageKey) await deleteObject(arrivedAt);
  if (count === 0) return finishedElsewhere(fileId, new UserError('files.errors.uploadGone'));
  metrics().uploadsCompleted.inc();
  // A file waiting for its virus scan is shared by its folder's rule once it is clean.
  if (scanStatus) kickScanner();
  else await applyFolderRule(fileId);
  return { id: fileId };
}

/** The declared size, and the quota again: it may have been lowered, or other uploads finished first. */
async function checkArrival(ownerId: string, fileId: string, file: Arrival, size: number) {
  if (size !== Number(file.size)) {
    await discardUpload(fileId, file.storageKey);
    // Exact byte counts, not rounded sizes: "1.0 MB instead of 1.0 MB" would explain nothing.
    throw new UserError('files.errors.wrongSize', { name: file.name, size: String(size), expected: String(file.size) });
  }
  const usage = await storageUsage(ownerId);
  if (usage.used + size > usage.quota) {
    await discardUpload(fileId, file.storageKey);
    throw new UserError('files.errors.noLongerFits', { name: file.name, free: { bytes: Math.max(usage.quota - usage.used, 0) }, quota: { bytes: usage.quota } });
  }
}

/** A confirmation that lost a race to another finds the work done: fine if that one listed the file. */
async function finishedElsewhere(fileId: string, refusal: UserError) {
  const row = await db().file.findUnique({ where: { id: fileId }, select: { status: true } });
  if (row?.status === 'ready') return { id: fileId };
  throw refusal;
}

export async function cancelUpload(ownerId: string, fileId: string) {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId, status: 'pending' }, select: { storageKey: true, uploadId: true } });
  if (!file) return;
  await discardUpload(fileId, file.storageKey, file.uploadId);
}

/**
 * The row goes first, and only while still pending, so a file that another confirmation made
 * ready keeps its object. Then the parts, the object and its incoming copy (what a failure here
 * leaves behind, the sweeper removes).
 */
export async function discardUpload(fileId: string, storageKey: string, uploadId: string | null = null) {
  const { count } = await db().file.deleteMany({ where: { id: fileId, status: 'pending' } });
  if (count === 0) return;
  metrics().uploadsFailed.inc();
  if (uploadId) await abortParts(storageKey, uploadId);
  await Promise.all([deleteObject(storageKey), deleteObject(incomingKeyFor(storageKey))]);
}

/** Removes uploads that never completed: their objects (if any arrived) and their rows. */
export async function sweepPendingUploads(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env().PENDING_UPLOAD_MAX_AGE_SECONDS * 1000);
  const stale = await db().file.findMany({
    where: { status: 'pending', createdAt: { lt: cutoff } },
    select: { id: true, storageKey: true, uploadId: true },
    take: 500,
  });
  for (const file of stale) await discardUpload(file.id, file.storageKey, file.uploadId);
  return stale.length;
}
