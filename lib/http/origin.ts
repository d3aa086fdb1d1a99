import 'server-only';
import { env } from '@/lib/env';

type Headers = { get(name: string): string | null };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A state-changing request must come from the app's own pages: its Origin (or, when a browser
 * sends none, its Referer) must be APP_URL's origin. SameSite cookies alone would let a sibling
 * site, an old browser or a request with no Origin at all through. Returns why a request is
 * refused, or null when it may go on. Safe methods change nothing and always pass.
 */
export function crossOriginRefusal(method: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const app = new URL(env().APP_URL).origin;
  const origin = headers.get('origin');
  const from = origin !== null ? origin : originOf(headers.get('referer'));
  if (from === app) return null;
  const source = from && from !== 'null' ? `came from ${from}` : 'did not say which page it came from';
  return `Refused: this request ${source}, not from ${app}. Open Handoff at ${app} and try again.`;
}

export function crossOriginResponse(refusal: string): Response {
  return new Response(refusal, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
