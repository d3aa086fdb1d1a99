import { handle } from '@/lib/api/handle';
import { startUploadOp } from '@/lib/api/operations/uploads';

export const POST = handle(startUploadOp);
