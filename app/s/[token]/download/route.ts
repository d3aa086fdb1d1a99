import { type NextRequest } from 'next/server';
import { downloadFile } from '@/lib/shares/download';
import { crossOriginRefusal, crossOriginResponse } from '@/lib/http/origin';
import { id } from '@/lib/validation/names';
import { clientIp } from '@/lib/client-key';
import { escapeHtml } from '@/lib/mail/layout';
import { getLocale, getTranslations } from 'next-intl/server';
import type { RefusalKey } from '@/lib/shares/access';

type Context = { params: Promise<{ token: string }> };

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

/**
 * A person pressed Download on the share page (a form POST naming the file in its address: reading
 * a body costs about a fifth of what the framework costs per request; a `file` form field, as
 * older pages and scripts send it, works too): the download is counted and answered with a
 * redirect to a URL that lives about a minute, which the browser follows to save the file; the bytes never pass through here. This route is off proxy.ts's
 * path (speed), so it refuses requests from other sites itself.
 */
export async function POST(request: NextRequest, { params }: Context) {
  const refusal = crossOriginRefusal(request.method, request.headers);
  if (refusal) return crossOriginResponse(refusal);
  const { token } = await params;
  const fileId = id.safeParse(request.nextUrl.searchParams.get('file') ?? (await request.formData().catch(() => null))?.get('file'));
  if (!fileId.success) return await refusalPage(token, 400, 'recipient.errors.chooseFile', true);
  const download = await downloadFile(token, fileId.data, {
    cookies: request.cookies,
    userAgent: request.headers.get('user-agent'),
    clientIp: clientIp(request.headers),
  });
  if (!download.ok) return await refusalPage(token, download.status, download.reason, download.gate === 'locked' || download.gate === 'not-yet');
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: download.url } });
}

/**
 * A GET counts nothing and signs nothing: link previews, scanners, prefetchers and range probes
 * all fetch links with GET. Old bookmarks of this address land on the share page.
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/s/${encodeURIComponent(token)}` } });
}

// The page's own palette, light and dark after the reader's setting: it has a strict CSP of its
// own (inline styles, no script) and none of the app's stylesheets.
const STYLE = `:root{color-scheme:light dark}
body{font-family:system-ui,sans-serif;background:#fafafa;color:#18181b;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0}
main{max-width:28rem;background:#fff;border:1px solid #e4e4e7;border-radius:1rem;padding:2rem;margin:1rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#52525b;font-size:.9rem;margin:0}a{color:inherit}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}main{background:#18181b;border-color:#3f3f46}p{color:#a1a1aa}}`;

/** A refusal in the reader's language (Accept-Language, or the language picked in the footer). */
async function refusalPage(token: string, status: number, reason: RefusalKey | 'recipient.errors.chooseFile', offerShare: boolean) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  // A locked or not-yet share sends people back to its page, where they can unlock or see the date.
  const back = offerShare ? `<p style="margin:1rem 0 0"><a href="/s/${encodeURIComponent(token)}">${escapeHtml(t('recipient.refusalPage.back'))}</a></p>` : '';
  const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escapeHtml(t('recipient.refusalPage.title'))}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(t('recipient.refusalPage.heading'))}</h1><p>${escapeHtml(t(reason))}</p>${back}</main></body></html>`;
  const headers: Record<string, string> = { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' };
  if (status === 503) headers['Retry-After'] = '60';
  return new Response(body, { status, headers });
}
