import { handle } from '@/lib/api/handle';
import { revokeShareOp } from '@/lib/api/operations/shares';

export const POST = handle(revokeShareOp);
