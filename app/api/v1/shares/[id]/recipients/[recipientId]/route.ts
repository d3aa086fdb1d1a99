import { handle } from '@/lib/api/handle';
import { revokeRecipientOp } from '@/lib/api/operations/shares';

export const DELETE = handle(revokeRecipientOp);
