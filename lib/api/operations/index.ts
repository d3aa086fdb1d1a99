import type { Operation } from '@/lib/api/operation';
import { whoami } from '@/lib/api/operations/account';
import { createFolderOp, deleteFileOp, deleteFolderOp, getFileOp, getFolderOp, listFilesOp, presignFileOp, updateFileOp, updateFolderOp } from '@/lib/api/operations/files';
import { abortUploadOp, completeUploadOp, listUploadPartsOp, signUploadPartsOp, startUploadOp } from '@/lib/api/operations/uploads';

/** Every operation of /api/v1, in the order the OpenAPI document and the docs page list them. */
export const OPERATIONS: Operation[] = [
  whoami,
  listFilesOp,
  getFileOp,
  updateFileOp,
  deleteFileOp,
  presignFileOp,
  createFolderOp,
  getFolderOp,
  updateFolderOp,
  deleteFolderOp,
  startUploadOp,
  signUploadPartsOp,
  listUploadPartsOp,
  completeUploadOp,
  abortUploadOp,
] as never[];
