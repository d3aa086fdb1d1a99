import 'server-only';
import { cookies } from 'next/headers';
import { db } from '@/lib/db';
import { revokeAllApiTokens } from '@/lib/api/tokens';
import { sessionCookieName } from '@/lib/auth/session';

/**
 * Ends every session of the user, on every device, and revokes every API token: nothing signed in
 * or handed out keeps working on its next request. Tokens go first, so a failure half way leaves
 * the browser signed in to try again rather than a script still working.
 */
export async function signOutEverywhere(userId: string): Promise<void> {
  await revokeAllApiTokens(userId);
  await db().session.deleteMany({ where: { userId } });
  (await cookies()).delete(sessionCookieName());
}
