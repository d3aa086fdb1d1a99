import 'server-only';
import { grantPreview, type RequestInfo } from '@/lib/shares/access';
import { signedPreview, type Preview } from '@/lib/files/preview';
import { UserError } from '@/lib/actions/user-error';

/**
 * A recipient's preview of one shared file: the download's own gates (lib/shares/access.ts),
 * recorded on the share's timeline, then a short-lived inline URL. Refusals carry the same
 * message a download gets.
 */
export async function previewSharedFile(token: string, fileId: string, request: RequestInfo & { clientIp: string | null }): Promise<Preview> {
  const grant = await grantPreview(token, fileId, request);
  if (!grant.ok) throw new UserError(grant.reason);
  return signedPreview(grant.files[0]!, request.clientIp);
}
