import { handle } from '@/lib/api/handle';
import { createShareOp, listSharesOp } from '@/lib/api/operations/shares';

export const GET = handle(listSharesOp);
export const POST = handle(createShareOp);
