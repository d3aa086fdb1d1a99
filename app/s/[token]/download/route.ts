import { type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { grantDownload } from '@/lib/shares/public';
import { signDownloadUrl } from '@/lib/storage/presign';
import { escapeHtml } from '@/lib/mail/templates';

type Context = { params: Promise<{ token: string }> };

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

function isPrefetch(request: NextRequest): boolean {
  const purpose = request.headers.get('sec-purpose') ?? request.headers.get('purpose') ?? '';
  return /prefetch|prerender/i.test(purpose);
}

/** Answers with a redirect to a presigned GET that lives about a minute; the bytes never pass through here. */
export async function GET(request: NextRequest, { params }: Context) {
  const { token } = await params;
  // Prefetchers must not count as downloads or receive a file URL.
  if (isPrefetch(request)) return new Response(null, { status: 204, headers: NO_STORE });
  const grant = await grantDownload(token, request.nextUrl.searchParams.get('file'), request.headers.get('user-agent'));
  if (!grant.ok) return refusal(grant.status, grant.reason);
  const url = await signDownloadUrl(grant.storageKey, grant.name, env().DOWNLOAD_URL_TTL_SECONDS);
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: url } });
}

/** HEAD is answered without counting or signing anything. */
export async function HEAD() {
  return new Response(null, { status: 405, headers: { ...NO_STORE, Allow: 'GET' } });
}

function refusal(status: 404 | 410, reason: string) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not available · Handoff</title></head>
<body style="font-family:system-ui,sans-serif;background:#fafafa;color:#18181b;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0">
<main style="max-width:28rem;background:#fff;border:1px solid #e4e4e7;border-radius:1rem;padding:2rem;text-align:center">
<h1 style="font-size:1.25rem;margin:0 0 .75rem">This link is not available</h1><p style="color:#52525b;font-size:.9rem;margin:0">${escapeHtml(reason)}</p></main></body></html>`;
  return new Response(body, { status, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } });
}
