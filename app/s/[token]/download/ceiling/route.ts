import { env } from '@/lib/env';

/**
 * The benchmark's ceiling (scripts/bench): what the framework alone costs on the download
 * route's path (the same dynamic segment, off proxy.ts like ../route.ts), answering a constant
 * 303 with the real route's headers and doing nothing else. Only `npm run bench` switches it on
 * (BENCH_CEILING_ROUTE); anywhere else this address is a 404.
 */
export function POST() {
  if (!env().BENCH_CEILING_ROUTE) return new Response(null, { status: 404 });
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex', Location: '/ceiling' };
  return new Response(null, { status: 303, headers });
}
