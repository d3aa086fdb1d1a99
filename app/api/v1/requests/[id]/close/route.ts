import { handle } from '@/lib/api/handle';
import { closeRequestOp } from '@/lib/api/operations/requests';

export const POST = handle(closeRequestOp);
