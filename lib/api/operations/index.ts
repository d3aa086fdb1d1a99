import type { Operation } from '@/lib/api/operation';
import { whoami } from '@/lib/api/operations/account';
import { createFolderOp, deleteFileOp, deleteFolderOp, getFileOp, getFolderOp, listFilesOp, presignFileOp, updateFileOp, updateFolderOp } from '@/lib/api/operations/files';
import { abortUploadOp, completeUploadOp, listUploadPartsOp, signUploadPartsOp, startUploadOp } from '@/lib/api/operations/uploads';
import { addRecipientsOp, createShareOp, getShareOp, listSharesOp, resendInviteOp, revokeRecipientOp, revokeShareOp, updateShareOp } from '@/lib/api/operations/shares';
import { closeRequestOp, createRequestOp, listRequestsOp } from '@/lib/api/operations/requests';
import { createSourceFileOp, listSourceObjectsOp, listSourcesOp } from '@/lib/api/operations/sources';

/** Every operation of /api/v1, in the order the OpenAPI document and the docs page list them. */
export const OPERATIONS: Operation[] = [
  whoami,
  ...[listFilesOp, getFileOp, updateFileOp, deleteFileOp, presignFileOp],
  ...[createFolderOp, getFolderOp, updateFolderOp, deleteFolderOp],
  ...[startUploadOp, signUploadPartsOp, listUploadPartsOp, completeUploadOp, abortUploadOp],
  ...[createShareOp, listSharesOp, getShareOp, updateShareOp, addRecipientsOp, revokeRecipientOp, resendInviteOp, revokeShareOp],
  ...[createRequestOp, listRequestsOp, closeRequestOp],
  ...[listSourcesOp, listSourceObjectsOp, createSourceFileOp],
] as never[];
