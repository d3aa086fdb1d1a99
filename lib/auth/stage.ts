import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sameSitePath } from '@/lib/http/same-site-path';

/**
 * How far a session has got:
 * - "signed-in": fully signed in;
 * - "second-factor": signed in by a magic link or OIDC, but the user has a second factor set up
 *   and has not given it in this session yet;
 * - "set-up-second-factor": REQUIRE_SECOND_FACTOR is on and the user has none yet; only the
 *   Security page is open to them.
 */
export type SignInStage = 'signed-in' | 'second-factor' | 'set-up-second-factor';

export const SECURITY_PAGE = '/settings/security';
const SECOND_FACTOR_PAGE = '/signin/second-factor';

export function stageOf(hasSecondFactor: boolean, hasGivenSecondFactor: boolean, isSecondFactorRequired: boolean): SignInStage {
  if (hasSecondFactor) return hasGivenSecondFactor ? 'signed-in' : 'second-factor';
  return isSecondFactorRequired ? 'set-up-second-factor' : 'signed-in';
}

/** A passkey, or an authenticator app whose set-up was confirmed. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: secondFactorSelect });
  return Boolean(user && countsAsSecondFactor(user));
}

const secondFactorSelect = { totp: { select: { confirmedAt: true } }, _count: { select: { passkeys: true } } } as const;

function countsAsSecondFactor(user: { totp: { confirmedAt: Date | null } | null; _count: { passkeys: number } }): boolean {
  return user._count.passkeys > 0 || Boolean(user.totp?.confirmedAt);
}

/**
 * The stage of one session (Auth.js's session callback asks on every request), or null when an
 * admin has disabled its user: then the session works for nothing from the next request on.
 */
export async function stageOfSession(sessionToken: string, userId: string): Promise<SignInStage | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { ...secondFactorSelect, disabledAt: true, sessions: { where: { sessionToken }, select: { secondFactorAt: true } } },
  });
  if (user?.disabledAt) return null;
  const hasGiven = Boolean(user?.sessions[0]?.secondFactorAt);
  return stageOf(Boolean(user && countsAsSecondFactor(user)), hasGiven, env().REQUIRE_SECOND_FACTOR);
}

/**
 * Where a page at `path` sends a visitor who may not see it (null: they may). Pages still check
 * the session themselves (currentUser()); this only picks the page that helps them on.
 */
export function detourFor(stage: SignInStage | null, path: string): string | null {
  const back = `callbackUrl=${encodeURIComponent(path)}`;
  if (stage === null) return `/signin?${back}`;
  if (stage === 'second-factor') return `${SECOND_FACTOR_PAGE}?${back}`;
  if (stage === 'set-up-second-factor' && !isSecurityPage(path)) return SECURITY_PAGE;
  return null;
}

function isSecurityPage(path: string): boolean {
  return path === SECURITY_PAGE || path.startsWith(`${SECURITY_PAGE}?`) || path.startsWith(`${SECURITY_PAGE}/`);
}

/**
 * Only same-site paths: an open redirect after sign-in would be a phishing tool. The sign-in pages
 * themselves are no destination (they would send a signed-in visitor round in circles).
 */
export function safeCallback(value: unknown): string {
  const path = sameSitePath(value);
  return path && !/^\/signin(\/|\?|$)/.test(path) ? path : '/files';
}
