import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { takeFrom, type Limit } from '@/lib/rate-limit';
import { UserError } from '@/lib/actions/user-error';

// WebAuthn challenges live in the database, so the instance that checks an answer need not be the
// one that asked. Each is bound to the browser that asked (a random value in an httpOnly cookie;
// only its SHA-256 is stored) and, but for sign-in, to the session's user; each works once and
// for a few minutes only.
export type ChallengePurpose = 'sign-in' | 'second-factor' | 'register' | 'confirm';

export const CHALLENGE_TTL_MS = 5 * 60_000;
// Anyone may start a passkey sign-in: bound the rows one client can make.
const PER_CLIENT: Limit = { bucket: 'webauthn-challenge:client', limit: 60, windowMs: 15 * 60_000 };

const hashOf = (binding: string) => createHash('sha256').update(binding).digest('hex');

/** Stores a challenge; returns the binding value for the browser's cookie. */
export async function issueChallenge(challenge: string, purpose: ChallengePurpose, userId: string | null, client: string, now = new Date()): Promise<string> {
  const taken = await takeFrom(PER_CLIENT, client, 1, now.getTime());
  if (!taken.ok) throw new UserError('auth.errors.tooManyPrompts');
  const binding = randomBytes(32).toString('base64url');
  await db().webAuthnChallenge.create({
    data: { bindingHash: hashOf(binding), purpose, userId, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
  });
  return binding;
}

/**
 * Takes the challenge bound to `binding` for this purpose and user, once: the row is deleted
 * whatever happens next, and of two callers racing for it only one gets it. Null when there is
 * none, it was used already, it expired, or it was made for something or someone else.
 */
export async function consumeChallenge(binding: string | null, purpose: ChallengePurpose, userId: string | null, now = new Date()): Promise<string | null> {
  if (!binding) return null;
  const row = await db().webAuthnChallenge.findUnique({ where: { bindingHash: hashOf(binding) } });
  if (!row) return null;
  const { count } = await db().webAuthnChallenge.deleteMany({ where: { id: row.id } });
  if (count !== 1) return null;
  const isValid = row.purpose === purpose && row.userId === userId && row.expiresAt > now;
  return isValid ? row.challenge : null;
}

/** Challenges nobody answered; the sweeper removes them. */
export async function forgetExpiredChallenges(now = new Date()): Promise<number> {
  const { count } = await db().webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
