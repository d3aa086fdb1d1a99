import { handle } from '@/lib/api/handle';
import { listFilesOp } from '@/lib/api/operations/files';

export const GET = handle(listFilesOp);
