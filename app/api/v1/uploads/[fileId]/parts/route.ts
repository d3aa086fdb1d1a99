import { handle } from '@/lib/api/handle';
import { listUploadPartsOp, signUploadPartsOp } from '@/lib/api/operations/uploads';

export const GET = handle(listUploadPartsOp);
export const POST = handle(signUploadPartsOp);
