import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { cancelUpload, confirmUpload, needsMultipart, prepareUpload, type PrepareInput } from '@/lib/files/upload';
import { completeMultipart, startMultipart } from '@/lib/files/multipart';
import { getFile } from '@/lib/files/get';

// The owner's upload driven by a script (the API) rather than by the browser, which calls each
// step itself: the same two flows, chosen by size here and by the upload's state at the end.

/** Small files: one presigned POST; large ones: a multipart upload signed part by part. */
export async function startUpload(ownerId: string, input: PrepareInput) {
  if (needsMultipart(input.size)) return { method: 'multipart' as const, ...(await startMultipart(ownerId, input)) };
  return { method: 'post' as const, ...(await prepareUpload(ownerId, input)) };
}

/** Lists the file once its bytes are in the bucket, whichever way they went, and answers with it. */
export async function completeUpload(ownerId: string, fileId: string) {
  const upload = await db().file.findFirst({ where: { id: fileId, ownerId }, select: { uploadId: true } });
  if (upload?.uploadId) await completeMultipart(ownerId, fileId);
  else await confirmUpload(ownerId, fileId);
  return getFile(ownerId, fileId);
}

/** Cancels an upload still in progress; one that is not (finished, cancelled, someone else's) is refused. */
export async function abortUpload(ownerId: string, fileId: string) {
  const pending = await db().file.findFirst({ where: { id: fileId, ownerId, status: 'pending' }, select: { id: true } });
  if (!pending) throw new UserError('files.errors.uploadGone');
  await cancelUpload(ownerId, fileId);
}
