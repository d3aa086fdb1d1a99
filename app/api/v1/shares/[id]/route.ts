import { handle } from '@/lib/api/handle';
import { getShareOp, updateShareOp } from '@/lib/api/operations/shares';

export const GET = handle(getShareOp);
export const PATCH = handle(updateShareOp);
