import { handle } from '@/lib/api/handle';
import { createSourceFileOp } from '@/lib/api/operations/sources';

export const POST = handle(createSourceFileOp);
