// For load balancers and orchestrators (liveness): the process is up and answering. No database,
// no store, no session: a failing database must not get healthy instances restarted (/api/ready
// says whether they can serve).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
