import { handle } from '@/lib/api/handle';
import { getFileOp, updateFileOp, deleteFileOp } from '@/lib/api/operations/files';

export const GET = handle(getFileOp);
export const PATCH = handle(updateFileOp);
export const DELETE = handle(deleteFileOp);
