// Calling the API's route handlers as Next.js calls them: real Requests, a real token.
import { createApiToken } from '@/lib/api/tokens';
import { handle } from '@/lib/api/handle';
import type { Operation } from '@/lib/api/operation';
import type { Scope } from '@/lib/api/scopes';
import { seedUser, type Db } from '@/prisma/seed';

export async function apiUser(db: Db, scopes: Scope[] = ['files:read', 'files:write']) {
  const user = await seedUser(db);
  const { token } = await createApiToken(user.id, { name: 'test', scopes, expiresInDays: 1 });
  return { user, token };
}

type CallOptions = { params?: Record<string, string>; query?: string; body?: unknown; headers?: Record<string, string> };

/** One call of an operation; its path's {placeholders} are filled from params. */
export function callApi(op: Operation, token: string, { params = {}, query = '', body, headers = {} }: CallOptions = {}): Promise<Response> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const request = new Request(`http://localhost/api/v1${path}${query}`, {
    method: op.method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return handle(op)(request, { params: Promise.resolve(params) });
}

/** The answer's status and JSON body together, so a failing assertion shows both. */
export async function answer(response: Promise<Response>): Promise<{ status: number; body: Awaited<ReturnType<Response['json']>> }> {
  const settled = await response;
  return { status: settled.status, body: await settled.json() };
}
