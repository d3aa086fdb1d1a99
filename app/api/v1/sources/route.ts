import { handle } from '@/lib/api/handle';
import { listSourcesOp } from '@/lib/api/operations/sources';

export const GET = handle(listSourcesOp);
