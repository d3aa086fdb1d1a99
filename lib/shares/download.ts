import 'server-only';
import { grantDownload, type Grant, type RequestInfo } from '@/lib/shares/access';
import { signFileUrl } from '@/lib/storage/download-url';
import { metrics } from '@/lib/metrics/registry';

export type Download = { ok: true; url: string } | Extract<Grant, { ok: false }>;

/**
 * One file of a share, asked for by a person on the share page: the download is granted and
 * counted (lib/shares/access.ts), then a URL that lives about a minute is signed for it.
 */
export async function downloadFile(token: string, fileId: string, request: RequestInfo & { clientIp: string | null }): Promise<Download> {
  const grant = await grantDownload(token, fileId, request);
  if (!grant.ok) return grant;
  const file = grant.files[0]!;
  metrics().downloadRedirects.inc();
  return { ok: true, url: await signFileUrl(file, request.clientIp) };
}
