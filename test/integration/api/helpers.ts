// Calling the API's route handlers as Next.js calls them, with real Requests, on the real
// database; and reading the real SMTP catcher's mailbox.
import { handle } from '@/lib/api/handle';
import { createApiToken } from '@/lib/api/tokens';
import type { Operation } from '@/lib/api/operation';
import type { Scope } from '@/lib/api/scopes';
import { seedUser, type Db } from '@/prisma/seed';

export type Call = { params?: Record<string, string>; query?: string; body?: unknown; key?: string };

/** One call of `op` with `token`: its status, headers and JSON body. */
export async function api(op: Operation, token: string, { params = {}, query = '', body, key }: Call = {}) {
  const path = `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}${query}`;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  const request = new Request(`http://localhost${path}`, { method: op.method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const response = await handle(op)(request, { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A new user and a token of theirs with these scopes. */
export async function userWithToken(db: Db, scopes: Scope[]) {
  const user = await seedUser(db, { name: 'Ana Owner' });
  const { token } = await createApiToken(user.id, { name: 'job', scopes, expiresInDays: 1 });
  return { user, token };
}

export type Mail = { subject: string; text: string; html: string; to: string[] };

export async function inbox(address: string): Promise<Mail[]> {
  const response = await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

/** The token of the share link in an invitation. */
export const linkToken = (mail: Mail | undefined) => /\/s\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
