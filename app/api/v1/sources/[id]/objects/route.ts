import { handle } from '@/lib/api/handle';
import { listSourceObjectsOp } from '@/lib/api/operations/sources';

export const GET = handle(listSourceObjectsOp);
