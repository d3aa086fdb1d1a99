import { handle } from '@/lib/api/handle';
import { resendInviteOp } from '@/lib/api/operations/shares';

export const POST = handle(resendInviteOp);
