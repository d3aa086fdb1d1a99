import 'server-only';
import { createHash } from 'node:crypto';
import { db, isUniqueViolation } from '@/lib/db';
import { seal, unseal } from '@/lib/seal';
import { apiProblem } from '@/lib/api/problem';

/** Printable ASCII, as the IETF draft and every client library send it (UUIDs, job ids). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_MS = 24 * 3600_000;

export type Answer = { status: number; body: unknown };

/**
 * Runs a creating call once per (user, Idempotency-Key): a retry gets the first call's answer
 * (status and body) and does nothing again, so no second share and no second email. The key is
 * claimed before the call runs, so two concurrent sends cannot both run; a call that fails
 * releases its key (nothing was made), so it can be retried. The stored answer is sealed: it can
 * hold a share's link, which the database otherwise keeps only as a hash.
 */
export async function onceForKey(userId: string, key: string, request: unknown, run: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
  if (!KEY_PATTERN.test(key)) throw apiProblem('invalid-request', 'Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID is a good choice).');
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  try {
    await db().idempotencyRecord.create({ data: { userId, key, requestHash } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ...(await earlierAnswer(userId, key, requestHash)), replayed: true };
  }
  try {
    const answer = await run();
    const response = seal(JSON.stringify(answer.body), `idempotency:${userId}:${key}`);
    await db().idempotencyRecord.update({ where: { userId_key: { userId, key } }, data: { status: answer.status, response } });
    return { ...answer, replayed: false };
  } catch (error) {
    await db().idempotencyRecord.deleteMany({ where: { userId, key, status: null } });
    throw error;
  }
}

async function earlierAnswer(userId: string, key: string, requestHash: string): Promise<Answer> {
  const earlier = await db().idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
  if (!earlier) throw apiProblem('idempotency-key-in-use', 'A request with this Idempotency-Key has just failed or is being retried: send it again.');
  if (earlier.requestHash !== requestHash) {
    throw apiProblem('idempotency-key-reused', 'This Idempotency-Key was already used for a different request: use a new key for a new request.');
  }
  const body = earlier.status !== null && earlier.response ? unseal(earlier.response, `idempotency:${userId}:${key}`) : null;
  if (earlier.status === null || body === null) throw apiProblem('idempotency-key-in-use', 'A request with this Idempotency-Key is still running: retry in a moment.');
  return { status: earlier.status, body: JSON.parse(body) };
}

/** Keys are kept a day, as long as any job would retry; the sweeper forgets older ones. */
export async function forgetOldIdempotencyKeys(now = Date.now()): Promise<number> {
  const { count } = await db().idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - KEPT_MS) } } });
  return count;
}
