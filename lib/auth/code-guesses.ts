import 'server-only';
import { giveBack, takeFrom, type Limit } from '@/lib/rate-limit';
import { waitValues } from '@/lib/auth/wait';
import { UserError } from '@/lib/actions/user-error';

// Authenticator-app and recovery codes are short: guesses are limited per account, counted in
// the database so that every instance counts together. Only wrong guesses stay counted.
const CODE_GUESSES: Limit = { bucket: 'second-factor-code:user', limit: 5, windowMs: 15 * 60_000 };

/**
 * Runs one guess of a code for `userId`: `check` says whether it was right. Throws a UserError
 * when this account has had too many wrong guesses lately.
 */
export async function guessCode<T extends string>(userId: string, check: () => Promise<T | 'ok'>, now = Date.now()): Promise<T | 'ok'> {
  const taken = await takeFrom(CODE_GUESSES, userId, 1, now);
  if (!taken.ok) {
    throw new UserError('auth.errors.tooManyCodes', waitValues(taken.retryAfterSeconds));
  }
  const outcome = await check();
  if (outcome === 'ok') await giveBack(CODE_GUESSES, userId);
  return outcome;
}
