import { handle } from '@/lib/api/handle';
import { createRequestOp, listRequestsOp } from '@/lib/api/operations/requests';

export const GET = handle(listRequestsOp);
export const POST = handle(createRequestOp);
