import { handle } from '@/lib/api/handle';
import { completeUploadOp } from '@/lib/api/operations/uploads';

export const POST = handle(completeUploadOp);
