// The API's core on the real database: personal tokens, RFC 9457 problems, scopes, rate limits,
// Idempotency-Key. Route handlers are called as Next.js calls them, with real Request objects.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedUser } from '@/prisma/seed';
import { authenticateToken, createApiToken, listApiTokens, revokeAllApiTokens, revokeApiToken } from '@/lib/api/tokens';
import { handle, unknownEndpoint } from '@/lib/api/handle';
import { whoami } from '@/lib/api/operations/account';
import { listFilesOp } from '@/lib/api/operations/files';
import { onceForKey } from '@/lib/api/idempotency';
import type { Scope } from '@/lib/api/scopes';
import { env } from '@/lib/env';

const db = connect();
afterAll(() => db.$disconnect());

const noParams = { params: Promise.resolve({}) };
const call = (route: ReturnType<typeof handle>, token: string | null, path = '/api/v1/me', init: RequestInit = {}) =>
  route(new Request(`http://localhost${path}`, { ...init, headers: { ...(token && { Authorization: `Bearer ${token}` }), ...init.headers } }), noParams);

async function tokenFor(scopes: Scope[] = ['files:read'], days = 90) {
  const user = await seedUser(db);
  const made = await createApiToken(user.id, { name: 'nightly', scopes, expiresInDays: days });
  return { user, ...made };
}

describe('personal access tokens', () => {
  test('are hnd_ and 256 random bits, shown once: only a SHA-256 is stored', async () => {
    const { token, id } = await tokenFor();
    expect(token).toMatch(/^hnd_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('work until revoked, expired or signed out everywhere, and say who they belong to', async () => {
    const { user, token, id } = await tokenFor(['files:read', 'shares:write']);
    const response = await call(handle(whoami), token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: user.id, email: user.email }, token: { id, name: 'nightly', scopes: ['files:read', 'shares:write'] } });

    await revokeApiToken(user.id, id);
    expect(await authenticateToken(token, null)).toBeNull();
    const refused = await call(handle(whoami), token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await refused.json()).toMatchObject({ type: '/docs/api#problem-not-signed-in', status: 401 });

    const second = await createApiToken(user.id, { name: 'ci', scopes: ['files:read'], expiresInDays: 1 });
    expect(await authenticateToken(second.token, null, new Date(Date.now() + 2 * 86400_000))).toBeNull();
    await revokeAllApiTokens(user.id);
    expect(await authenticateToken(second.token, null)).toBeNull();
    expect((await listApiTokens(user.id)).map((t) => t.status)).toEqual(['revoked', 'revoked']);
  });

  test('record when and from where they were last used', async () => {
    const { user, token } = await tokenFor();
    await authenticateToken(token, '203.0.113.9');
    const [listed] = await listApiTokens(user.id);
    expect(listed).toMatchObject({ lastUsedIp: '203.0.113.9', status: 'active' });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });

  test('one user cannot revoke another’s token', async () => {
    const a = await tokenFor();
    const b = await tokenFor();
    await expect(revokeApiToken(b.user.id, a.id)).rejects.toThrow('That token no longer exists.');
    expect(await authenticateToken(a.token, null)).not.toBeNull();
  });
});

describe('requests', () => {
  test('no token, a malformed one and an unknown one are refused alike', async () => {
    for (const token of [null, 'hnd_short', `hnd_${'A'.repeat(43)}`]) {
      const response = await call(handle(whoami), token);
      expect(response.status).toBe(401);
      expect((await response.json()).detail).toMatch(/token/);
    }
  });

  test('a token without the scope gets 403 naming it', async () => {
    const { token } = await tokenFor(['shares:read']);
    const response = await call(handle(listFilesOp), token, '/api/v1/files');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ type: '/docs/api#problem-insufficient-scope', detail: expect.stringContaining('files:read') });
  });

  test('bad query parameters get 422 with each field named', async () => {
    const { token } = await tokenFor();
    const response = await call(handle(listFilesOp), token, '/api/v1/files?sort=colour&dir=up');
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dir', 'sort']);
  });

  test("another user's folder answers 404, the owner's own lists its files", async () => {
    const a = await tokenFor();
    const b = await tokenFor();
    const folder = await db.folder.create({ data: { ownerId: a.user.id, name: 'Reports' } });
    await seedFile(db, a.user.id, { name: 'q3.pdf', folderId: folder.id });
    const theirs = await call(handle(listFilesOp), b.token, `/api/v1/files?folder=${folder.id}`);
    expect(theirs.status).toBe(404);
    const own = await call(handle(listFilesOp), a.token, `/api/v1/files?folder=${folder.id}`);
    const body = await own.json();
    expect(body.files.map((f: { name: string }) => f.name)).toEqual(['q3.pdf']);
    expect(JSON.stringify(body)).not.toMatch(/storageKey|thumbnailUrl/);
  });

  test('each token has its own rate limit, with RateLimit headers and 429 + Retry-After past it', async () => {
    const { token } = await tokenFor();
    const other = await tokenFor();
    const limit = env().API_REQUESTS_PER_MINUTE;
    let last: Response | undefined;
    for (let i = 0; i <= limit; i++) last = await call(handle(whoami), token);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-policy')).toBe(`"per-token";q=${limit};w=60`);
    expect(await last!.json()).toMatchObject({ type: '/docs/api#problem-rate-limited' });
    const fresh = await call(handle(whoami), other.token);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit')).toMatch(new RegExp(`^"per-token";r=${limit - 1};t=\\d+$`));
  });
});

describe('Idempotency-Key', () => {
  test('a retry gets the first answer and runs nothing; another body with the same key is refused', async () => {
    const { user } = await tokenFor();
    let runs = 0;
    const run = async () => ({ status: 201, body: { made: ++runs } });
    expect(await onceForKey(user.id, 'job-42', { a: 1 }, run)).toEqual({ status: 201, body: { made: 1 }, replayed: false });
    expect(await onceForKey(user.id, 'job-42', { a: 1 }, run)).toEqual({ status: 201, body: { made: 1 }, replayed: true });
    await expect(onceForKey(user.id, 'job-42', { a: 2 }, run)).rejects.toThrow(/different request/);
    expect((await onceForKey(user.id, 'job-43', { a: 1 }, run)).body).toEqual({ made: 2 });
    expect(runs).toBe(2);
  });

  test('a call that failed frees its key for the retry', async () => {
    const { user } = await tokenFor();
    await expect(onceForKey(user.id, 'k', {}, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await onceForKey(user.id, 'k', {}, async () => ({ status: 201, body: 'ok' }))).replayed).toBe(false);
  });
});

describe('unknown endpoints', () => {
  test('answer a 404 problem that points to the list of operations', async () => {
    const response = unknownEndpoint(new Request('http://localhost/api/v1/filez', { method: 'POST' }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toContain('POST /api/v1/filez');
  });
});
