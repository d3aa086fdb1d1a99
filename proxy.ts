import { NextResponse, type NextRequest } from 'next/server';
import { crossOriginRefusal, crossOriginResponse } from '@/lib/http/origin';
import { pageSecurityHeaders } from '@/lib/http/security-headers';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';

const APP_PAGES = /^\/(files|shares|requests|rules|settings|admin)(\/|$)/;

/**
 * Runs before every page, action and route except static files and the download route (which
 * does its own origin check, off this path for speed):
 * - refuses state-changing requests that did not come from the app's own pages;
 * - gives each page a fresh CSP nonce (Next.js puts it on its scripts) and the security headers;
 * - as a convenience only, sends signed-out visitors of app pages to sign in. Every page,
 *   action and route still checks the session itself.
 */
export function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal(request.method, request.headers);
  if (refusal) return crossOriginResponse(refusal);

  const { pathname, search } = request.nextUrl;
  if (request.method === 'GET' && APP_PAGES.test(pathname) && !hasSessionCookie(request)) {
    const url = new URL('/signin', request.url);
    url.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = pageSecurityHeaders(nonce);
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['Content-Security-Policy']!);
  forwarded.set(REQUEST_PATH_HEADER, pagePath(request));
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The page's own path and query, without the router's cache-busting parameter. */
function pagePath(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete('_rsc');
  return url.pathname + url.search;
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
}

// Static files (the build's assets, the app's icons and manifest) skip it: they carry no page. So
// does the API: it takes bearer tokens only, never cookies, so there is no cross-site request to refuse;
// and so do bucket notifications (api/sources/<id>/events): server-to-server POSTs with no Origin,
// authenticated by the source's secret, never by a cookie; and the health and metrics routes, which
// load balancers and Prometheus call often and which carry no page.
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon\\.png|icon-\\d+\\.png|manifest\\.webmanifest|s/[^/]+/download|api/v1/|api/sources/[^/]+/events|api/health|api/ready|api/metrics).*)',
  ],
};
