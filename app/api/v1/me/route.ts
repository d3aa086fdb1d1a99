import { handle } from '@/lib/api/handle';
import { whoami } from '@/lib/api/operations/account';

export const GET = handle(whoami);
