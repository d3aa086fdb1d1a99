import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import type { SessionUser } from '@/lib/auth';
import { isScope, type Scope } from '@/lib/api/scopes';

/** "hnd_" then 256 random bits: recognisable in a leaked log or a secret scanner, never guessable. */
export const TOKEN_PREFIX = 'hnd_';
const TOKEN_PATTERN = /^hnd_[A-Za-z0-9_-]{43}$/;

export const TOKEN_DAYS = { default: 90, max: 365 } as const;

/** lastUsedAt/lastUsedIp are rewritten at most this often for the same address (one write per request otherwise). */
const LAST_USED_GRANULARITY_MS = 60_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewToken = { name: string; scopes: Scope[]; expiresInDays: number };

/** A new token for `userId`; the only time its value exists outside the caller's hands. */
export async function createApiToken(userId: string, input: NewToken, now = new Date()) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86400_000);
  const row = await db().apiToken.create({
    data: { userId, name: input.name, tokenHash: hash(token), scopes: [...new Set(input.scopes)].join(' '), expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

export type TokenSummary = Awaited<ReturnType<typeof listApiTokens>>[number];

/** The user's tokens that still work or stopped recently (revoked or expired in the last 30 days), newest first. */
export async function listApiTokens(userId: string, now = new Date()) {
  const recently = new Date(now.getTime() - 30 * 86400_000);
  const rows = await db().apiToken.findMany({
    where: { userId, expiresAt: { gt: recently }, OR: [{ revokedAt: null }, { revokedAt: { gt: recently } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, scopes: true, expiresAt: true, lastUsedAt: true, lastUsedIp: true, revokedAt: true, createdAt: true },
  });
  return rows.map((row) => ({
    ...row,
    scopes: row.scopes.split(' ').filter(isScope),
    status: row.revokedAt ? ('revoked' as const) : row.expiresAt <= now ? ('expired' as const) : ('active' as const),
  }));
}

export async function revokeApiToken(userId: string, tokenId: string, now = new Date()): Promise<void> {
  const { count } = await db().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0 && !(await db().apiToken.count({ where: { id: tokenId, userId } }))) throw new UserError('settings.tokens.errors.tokenGone');
}

/** "Sign out everywhere" also stops every token: nothing the user handed out keeps working. */
export async function revokeAllApiTokens(userId: string, now = new Date()): Promise<void> {
  await db().apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

export type TokenCaller = { user: SessionUser; tokenId: string; scopes: Scope[] };

/**
 * Who a bearer token belongs to, or null for anything that is not a live token: malformed,
 * unknown, revoked, expired, or its user disabled by an admin. Checked on every request, so
 * revoking or disabling works on the next one.
 */
export async function authenticateToken(token: string, clientIp: string | null, now = new Date()): Promise<TokenCaller | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS || row.lastUsedIp !== clientIp;
  if (stale) await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now, lastUsedIp: clientIp } });
  const { id, email, name } = row.user;
  return { user: { id, email, name }, tokenId: row.id, scopes: row.scopes.split(' ').filter(isScope) };
}

/** The calling token as whoami shows it. */
export async function tokenDetails(tokenId: string) {
  const row = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { id: true, name: true, scopes: true, expiresAt: true } });
  return { ...row, scopes: row.scopes.split(' ').filter(isScope) };
}
