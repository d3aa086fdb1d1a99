import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

// Sessions are Auth.js's database sessions. Sign-in with a passkey and the renewal after a second
// factor make them here, the way Auth.js does: same table, cookie name, attributes and lifetime.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Secure cookies follow APP_URL, never the request, so Auth.js and this file always agree. */
export function usesSecureCookies(): boolean {
  return env().APP_URL.startsWith('https:');
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? '__Secure-' : ''}authjs.session-token`;
}

/** The session token this browser sent, if any (the cookie's value is Session.sessionToken). */
async function sessionTokenFromCookie(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value ?? null;
}

/** A new session that has given its second factor, with the browser's cookie set to it. */
export async function startSession(userId: string, now = new Date()): Promise<void> {
  const sessionToken = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db().session.create({ data: { sessionToken, userId, expires, secondFactorAt: now } });
  await setSessionCookie(sessionToken, expires);
}

/**
 * The second factor was given: the half-signed-in session is replaced by a new one (a new token,
 * so a token seen before this point is worth nothing afterwards).
 */
export async function renewSessionWithSecondFactor(userId: string, now = new Date()): Promise<void> {
  const oldToken = await sessionTokenFromCookie();
  if (oldToken) await db().session.deleteMany({ where: { sessionToken: oldToken, userId } });
  await startSession(userId, now);
}

/** The session in this browser has just set up a second factor: it counts as given. */
export async function markSecondFactorGiven(userId: string, now = new Date()): Promise<void> {
  const sessionToken = await sessionTokenFromCookie();
  if (sessionToken) await db().session.updateMany({ where: { sessionToken, userId }, data: { secondFactorAt: now } });
}

async function setSessionCookie(sessionToken: string, expires: Date): Promise<void> {
  (await cookies()).set(sessionCookieName(), sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: usesSecureCookies(),
    expires,
  });
}
