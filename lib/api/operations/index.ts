import type { Operation } from '@/lib/api/operation';
import { whoami } from '@/lib/api/operations/account';
import { listFilesOp } from '@/lib/api/operations/files';

/** Every operation of /api/v1, in the order the OpenAPI document and the docs page list them. */
export const OPERATIONS: Operation[] = [whoami, listFilesOp] as never[];
