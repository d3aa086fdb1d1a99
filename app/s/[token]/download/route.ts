import { type NextRequest } from 'next/server';
import { grantDownload, type Gate } from '@/lib/shares/access';
import { signFileUrl } from '@/lib/storage/download-url';
import { clientIp } from '@/lib/client-key';
import { escapeHtml } from '@/lib/mail/templates';

type Context = { params: Promise<{ token: string }> };

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

function isPrefetch(request: NextRequest): boolean {
  const purpose = request.headers.get('sec-purpose') ?? request.headers.get('purpose') ?? '';
  return /prefetch|prerender/i.test(purpose);
}

/** Answers with a redirect to a signed URL that lives about a minute; the bytes never pass through here. */
export async function GET(request: NextRequest, { params }: Context) {
  const { token } = await params;
  // Prefetchers and link previews must not count as downloads or receive a file URL.
  if (isPrefetch(request)) return new Response(null, { status: 204, headers: NO_STORE });
  const grant = await grantDownload(token, request.nextUrl.searchParams.get('file'), {
    cookies: request.cookies,
    userAgent: request.headers.get('user-agent'),
  });
  if (!grant.ok) return refusal(token, grant.status, grant.gate, grant.reason);
  const file = grant.files[0]!;
  const url = await signFileUrl(file, clientIp(request.headers));
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: url } });
}

/** HEAD (link checkers, previews) is answered without counting or signing anything. */
export async function HEAD() {
  return new Response(null, { status: 405, headers: { ...NO_STORE, Allow: 'GET' } });
}

function refusal(token: string, status: number, gate: Gate, reason: string) {
  // A locked or not-yet share sends people back to its page, where they can unlock or see the date.
  const back = gate === 'locked' || gate === 'not-yet' ? `<p style="margin:1rem 0 0"><a href="/s/${encodeURIComponent(token)}">Back to the share</a></p>` : '';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not available · Handoff</title></head>
<body style="font-family:system-ui,sans-serif;background:#fafafa;color:#18181b;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0">
<main style="max-width:28rem;background:#fff;border:1px solid #e4e4e7;border-radius:1rem;padding:2rem;text-align:center">
<h1 style="font-size:1.25rem;margin:0 0 .75rem">This download is not available</h1><p style="color:#52525b;font-size:.9rem;margin:0">${escapeHtml(reason)}</p>${back}</main></body></html>`;
  return new Response(body, { status, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } });
}
