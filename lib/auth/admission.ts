import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isEmailAllowed } from '@/lib/auth/allowlist';

/**
 * Why this address may not sign in, however it tries (an emailed link, OIDC, a passkey), or null
 * when it may: outside SIGNIN_ALLOWLIST, or an account an admin has disabled.
 */
export async function signInRefusal(email: string | null | undefined): Promise<'not-allowed' | 'disabled' | null> {
  const config = env();
  if (!email || !isEmailAllowed(email, config.SIGNIN_ALLOWLIST, config.NODE_ENV === 'production')) return 'not-allowed';
  const user = await db().user.findUnique({ where: { email }, select: { disabledAt: true } });
  return user?.disabledAt ? 'disabled' : null;
}

/** Noted for the admin's list of people, on every sign-in. */
export async function recordSignIn(userId: string, now = new Date()): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { lastSignInAt: now } });
}
