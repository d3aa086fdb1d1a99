import 'server-only';
import { cookies, headers } from 'next/headers';
import { clientKey } from '@/lib/client-key';
import { usesSecureCookies } from '@/lib/auth/session';
import { CHALLENGE_TTL_MS, consumeChallenge, issueChallenge, type ChallengePurpose } from '@/lib/auth/challenges';

// The browser's half of a WebAuthn challenge (lib/auth/challenges.ts): one at a time per browser.
const COOKIE = 'handoff_webauthn';

/** Stores the challenge and binds it to this browser. */
export async function bindChallenge(challenge: string, purpose: ChallengePurpose, userId: string | null): Promise<void> {
  const binding = await issueChallenge(challenge, purpose, userId, clientKey(await headers()));
  (await cookies()).set(COOKIE, binding, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: usesSecureCookies(),
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

/** The challenge this browser was given for this purpose (and user), once; null if none is valid. */
export async function takeBoundChallenge(purpose: ChallengePurpose, userId: string | null): Promise<string | null> {
  const jar = await cookies();
  const binding = jar.get(COOKIE)?.value ?? null;
  jar.delete(COOKIE);
  return consumeChallenge(binding, purpose, userId);
}
