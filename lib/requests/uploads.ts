import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { cancelUpload, confirmUpload, needsMultipart, prepareUpload, type PrepareInput, type UploadOrigin } from '@/lib/files/upload';
import { completeMultipart, signParts, startMultipart, uploadedParts } from '@/lib/files/multipart';
import { isAllowedType } from '@/lib/requests/allowed-types';
import { fileIdFromHandle, uploadHandle } from '@/lib/requests/handle';
import { openRequest, type OpenRequest } from '@/lib/requests/access';
import { recordThumbnail, signThumbnailPost, THUMBNAIL_FILE_FIELDS } from '@/lib/files/thumbnail';
import type { ThumbnailType } from '@/lib/files/thumbnail-rules';

// The sender's side of an upload request: the same presigned POST and multipart flows as the
// owner's, but the request link is the credential, every call re-reads the request (so closing
// it stops everything at once), and the keys live under the request's own prefix.

type CookieJar = Parameters<typeof openRequest>[1];
export type SenderFile = { name: string; size: number; contentType: string; uploadedBy: string | null };

function admit(request: OpenRequest, file: SenderFile): { input: PrepareInput; origin: UploadOrigin } {
  const { maxFileSize, allowedTypes } = request.limits;
  if (file.size > maxFileSize) throw new UserError('requests.errors.tooLarge', { name: file.name, size: { bytes: file.size }, max: { bytes: maxFileSize } });
  if (!isAllowedType(allowedTypes, file.name, file.contentType)) {
    throw new UserError('requests.errors.wrongType', { name: file.name, types: allowedTypes.join(', ') });
  }
  return {
    input: { name: file.name, size: file.size, contentType: file.contentType, folderId: request.folderId },
    origin: { requestId: request.id, uploadedBy: file.uploadedBy, maxFiles: request.maxFiles },
  };
}

/** Small files: one presigned POST; large ones: a multipart upload signed part by part. */
export async function startSenderUpload(token: string, cookies: CookieJar, file: SenderFile) {
  const request = await openRequest(token, cookies);
  const { input, origin } = admit(request, file);
  if (needsMultipart(file.size)) {
    const plan = await startMultipart(request.ownerId, input, origin);
    return { handle: uploadHandle(plan.fileId), multipart: { partSize: plan.partSize, partCount: plan.partCount }, post: null };
  }
  const prepared = await prepareUpload(request.ownerId, input, origin);
  return { handle: uploadHandle(prepared.fileId), multipart: null, post: prepared.post };
}

/** The request must be open, the handle genuine, and the file one sent to this request. */
async function senderUpload(token: string, cookies: CookieJar, handle: string) {
  const request = await openRequest(token, cookies);
  const fileId = fileIdFromHandle(handle);
  const file = fileId && (await db().file.findFirst({ where: { id: fileId, uploadRequestId: request.id }, select: THUMBNAIL_FILE_FIELDS }));
  if (!file) throw new UserError('requests.errors.uploadGone');
  return { ownerId: request.ownerId, fileId: file.id, file };
}

export async function confirmSenderUpload(token: string, cookies: CookieJar, handle: string) {
  const { ownerId, fileId } = await senderUpload(token, cookies, handle);
  await confirmUpload(ownerId, fileId);
}

export async function signSenderParts(token: string, cookies: CookieJar, handle: string, partNumbers: number[]) {
  const { ownerId, fileId } = await senderUpload(token, cookies, handle);
  return signParts(ownerId, fileId, partNumbers);
}

export async function senderUploadedParts(token: string, cookies: CookieJar, handle: string) {
  const { ownerId, fileId } = await senderUpload(token, cookies, handle);
  return uploadedParts(ownerId, fileId);
}

export async function completeSenderUpload(token: string, cookies: CookieJar, handle: string) {
  const { ownerId, fileId } = await senderUpload(token, cookies, handle);
  await completeMultipart(ownerId, fileId);
}

export async function cancelSenderUpload(token: string, cookies: CookieJar, handle: string) {
  const { ownerId, fileId } = await senderUpload(token, cookies, handle);
  await cancelUpload(ownerId, fileId);
}

// Senders are uploaders too: their browser draws the thumbnail, under the same rules as the owner's.
export async function prepareSenderThumbnail(token: string, cookies: CookieJar, handle: string, contentType: ThumbnailType) {
  const { file } = await senderUpload(token, cookies, handle);
  return signThumbnailPost(file, contentType);
}

export async function confirmSenderThumbnail(token: string, cookies: CookieJar, handle: string, contentType: ThumbnailType) {
  const { file } = await senderUpload(token, cookies, handle);
  return recordThumbnail(file, contentType);
}

/** File ids behind genuine handles (forged ones are dropped). */
export function handlesToFileIds(handles: string[]): string[] {
  return handles.map(fileIdFromHandle).filter((id): id is string => id !== null);
}
