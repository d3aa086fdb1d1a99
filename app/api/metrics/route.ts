import { metricsAccess } from '@/lib/metrics/token';
import { scrapeMetrics } from '@/lib/metrics/scrape';

// Prometheus scrapes this instance's metrics here with METRICS_TOKEN as a bearer token. Unset,
// the address does not exist (404), so nothing about the server shows.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'disabled') return new Response('Not found\n', { status: 404, headers: NO_STORE });
  if (access === 'refused') {
    return new Response('A bearer token (METRICS_TOKEN) is required.\n', { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="metrics"' } });
  }
  const { contentType, text } = await scrapeMetrics();
  return new Response(text, { headers: { ...NO_STORE, 'Content-Type': contentType } });
}
