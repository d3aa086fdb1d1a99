import { handle } from '@/lib/api/handle';
import { presignFileOp } from '@/lib/api/operations/files';

export const POST = handle(presignFileOp);
