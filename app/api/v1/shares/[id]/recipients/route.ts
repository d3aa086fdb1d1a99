import { handle } from '@/lib/api/handle';
import { addRecipientsOp } from '@/lib/api/operations/shares';

export const POST = handle(addRecipientsOp);
