import { handle } from '@/lib/api/handle';
import { getFolderOp, updateFolderOp, deleteFolderOp } from '@/lib/api/operations/files';

export const GET = handle(getFolderOp);
export const PATCH = handle(updateFolderOp);
export const DELETE = handle(deleteFolderOp);
