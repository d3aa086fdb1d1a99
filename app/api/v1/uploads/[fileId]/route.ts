import { handle } from '@/lib/api/handle';
import { abortUploadOp } from '@/lib/api/operations/uploads';

export const DELETE = handle(abortUploadOp);
