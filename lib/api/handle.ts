import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/client-key';
import { takeFrom, type Limit } from '@/lib/rate-limit';
import { authenticateToken, type TokenCaller } from '@/lib/api/tokens';
import { apiProblem, PROBLEM_DOCS, problemFromError, problemFromZod, type FieldProblem } from '@/lib/api/problem';
import { onceForKey } from '@/lib/api/idempotency';
import type { Operation } from '@/lib/api/operation';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const MAX_BODY_BYTES = 1024 * 1024;
const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

const apiLimit = (): Limit => ({ bucket: 'api', limit: env().API_REQUESTS_PER_MINUTE, windowMs: 60_000 });

/** The bearer token's owner, or a 401 that says what to do. Session cookies are not accepted: no CSRF to defend. */
async function authenticate(request: Request): Promise<TokenCaller> {
  const header = request.headers.get('authorization');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="handoff"' };
  if (!header) throw apiProblem('not-signed-in', 'Send a personal access token: Authorization: Bearer hnd_… (make one in Settings → API tokens).', { headers: challenge });
  const token = /^Bearer +(\S+)$/i.exec(header)?.[1] ?? '';
  const caller = await authenticateToken(token, clientIp(request.headers));
  if (!caller) {
    throw apiProblem('not-signed-in', 'This token is not valid: it is malformed, unknown, revoked or expired. Make a new one in Settings → API tokens.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="handoff", error="invalid_token"' },
    });
  }
  return caller;
}

/** RateLimit and RateLimit-Policy (IETF httpapi draft), on every answer to a known token. */
async function admit(caller: TokenCaller): Promise<Record<string, string>> {
  const limit = apiLimit();
  const taken = await takeFrom(limit, caller.tokenId);
  const policy = `"per-token";q=${limit.limit};w=${limit.windowMs / 1000}`;
  if (!taken.ok) {
    const headers = { 'RateLimit-Policy': policy, RateLimit: `"per-token";r=0;t=${taken.retryAfterSeconds}` };
    throw apiProblem('rate-limited', `This token made more than ${limit.limit} requests in a minute: wait ${taken.retryAfterSeconds} s and retry.`, {
      retryAfterSeconds: taken.retryAfterSeconds,
      headers,
    });
  }
  return { 'RateLimit-Policy': policy, RateLimit: `"per-token";r=${taken.remaining};t=${taken.resetSeconds}` };
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: FieldProblem['in']): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw problemFromZod(parsed.error, where);
  return parsed.data;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw apiProblem('malformed-body', 'The body is over 1 MB: no call of this API takes that much.');
  if (text.trim() === '') return {};
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw apiProblem('unsupported-media-type', 'Send the body as JSON, with Content-Type: application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw apiProblem('malformed-body', 'The body is not valid JSON.');
  }
}

/**
 * The route handler of one operation: token, scope, rate limit, then the request parsed by the
 * operation's schemas, then its one call into lib/, its answer encoded by its response schema
 * (which drops any field it does not name). Every failure is an RFC 9457 problem.
 */
export function handle(op: Operation) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    let limitHeaders: Record<string, string> = {};
    try {
      const caller = await authenticate(request);
      limitHeaders = await admit(caller);
      if (op.scope && !caller.scopes.includes(op.scope))
        throw apiProblem('insufficient-scope', `This call needs a token with the ${op.scope} scope; this token has ${caller.scopes.join(', ') || 'none'}.`);
      // Next passes no params at all to a route without dynamic segments (/me, /files).
      const raw = { params: (await context.params) ?? {}, query: Object.fromEntries(new URL(request.url).searchParams), body: op.body ? await readJson(request) : undefined };
      const input = { params: parse(op.params, raw.params, 'path'), query: parse(op.query, raw.query, 'query'), body: op.body ? parse(op.body, raw.body, 'body') : undefined };
      const execute = async () => ({ status: op.status, body: z.encode(op.response, await op.run(input as never, caller)) });
      const key = op.idempotent ? request.headers.get('idempotency-key') : null;
      const answer = key !== null ? await onceForKey(caller.user.id, key, { op: op.id, ...raw }, execute) : { ...(await execute()), replayed: false };
      const headers = { ...JSON_HEADERS, ...limitHeaders, ...(answer.replayed && { 'Idempotent-Replayed': 'true' }) };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
    } catch (error) {
      return problemFromError(error).toResponse(instance, limitHeaders);
    }
  };
}

/** A path under /api/v1 that is not an operation: says where the list of operations is. */
export function unknownEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return apiProblem('not-found', `There is no ${request.method} ${pathname} in this API: see /api/v1/openapi.json or ${PROBLEM_DOCS}.`).toResponse(pathname);
}
