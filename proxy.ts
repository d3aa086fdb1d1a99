import { NextResponse, type NextRequest } from 'next/server';

// A convenience only: sends signed-out visitors to the sign-in page without rendering anything.
// Every page, action and route still checks the session itself.
export function proxy(request: NextRequest) {
  // Server actions (POST) answer for themselves with a clear "signed out" result.
  if (request.method !== 'GET') return NextResponse.next();
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = new URL('/signin', request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/files/:path*', '/shares/:path*', '/requests/:path*'] };
