import { type NextRequest } from 'next/server';
import { isHookSecret } from '@/lib/sources/hook';
import { acceptNotification } from '@/lib/arrivals/events';

type Context = { params: Promise<{ id: string }> };

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A bucket's notification (radosgw, MinIO), pushed server to server with the source's secret in
 * the query (lib/sources/hook.ts): a wrong or missing one gets 401 and nothing else. A sender that
 * knows the secret always gets 200, even for a body that cannot be used (radosgw retries anything
 * else without end); the work itself is queued and done after the answer.
 */
export async function POST(request: NextRequest, { params }: Context) {
  const { id } = await params;
  if (!isHookSecret(id, request.nextUrl.searchParams.get('token') ?? '')) return new Response(null, { status: 401, headers: NO_STORE });
  await acceptNotification(id, request.body);
  return new Response(null, { status: 200, headers: NO_STORE });
}
