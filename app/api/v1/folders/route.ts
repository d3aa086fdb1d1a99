import { handle } from '@/lib/api/handle';
import { createFolderOp } from '@/lib/api/operations/files';

export const POST = handle(createFolderOp);
