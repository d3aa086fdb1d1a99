import { readiness } from '@/lib/health/ready';

// For load balancers and orchestrators (readiness): 200 when the database, the bucket and the
// SMTP server all answer in time, 503 naming the ones that did not (lib/health/ready.ts).
export const dynamic = 'force-dynamic';

export async function GET() {
  const { isReady, checks, failed } = await readiness();
  const body = isReady ? { status: 'ready', checks } : { status: 'not ready', checks, failed };
  return Response.json(body, { status: isReady ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
