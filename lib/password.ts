import 'server-only';
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { MessageKey, MessageValues } from '@/lib/actions/user-error';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
// scrypt N=2^15, r=8: ~50 ms and 32 MiB a guess, which is what makes offline guessing slow.
const COST = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const wanted = Buffer.from(expected, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), wanted.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return timingSafeEqual(actual, wanted);
}

// Passwords guard shares and upload requests alike; "subject" is the id of the one guarded.
// An unlock is a cookie holding an HMAC of the subject and its password version: changing the
// password bumps the version, and every earlier unlock stops matching. No row is written.
export function unlockCookieName(subject: string): string {
  return `handoff_unlock_${subject}`;
}

export function unlockValue(subject: string, passwordVersion: number): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`unlock:${subject}:${passwordVersion}`).digest('base64url');
}

export function isUnlocked(subject: string, passwordVersion: number, cookieValue: string | undefined): boolean {
  if (!cookieValue) return false;
  const expected = Buffer.from(unlockValue(subject, passwordVersion));
  const given = Buffer.from(cookieValue);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Throttling, with state in the database so it holds across app instances. Each client (by its
// real address, lib/client-key.ts) gets a few free guesses, then waits twice as long after each
// miss, up to 15 minutes. Guesses through one link from all clients together are throttled too,
// so an attacker with many addresses slows down as well; but that wait stops at one minute, so
// strangers hammering a link can delay the person with the right password a little, never lock
// them out. Each recipient's own link has a budget of its own.
type Budget = { free: number; maxWaitSeconds: number };
const PER_CLIENT: Budget = { free: 5, maxWaitSeconds: 15 * 60 };
const PER_LINK: Budget = { free: 20, maxWaitSeconds: 60 };
const FORGET_AFTER_MS = 60 * 60_000;

/** The throttle row of everyone guessing through one link: "*" and the link's fingerprint. */
function linkKey(link: string): string {
  return `*${link}`;
}

function waitSeconds(failures: number, { free, maxWaitSeconds }: Budget): number {
  return failures < free ? 0 : Math.min(2 ** (failures - free), maxWaitSeconds);
}

const budgetOf = (clientKey: string) => (clientKey.startsWith('*') ? PER_LINK : PER_CLIENT);

/** Seconds this client must wait before its next guess through this link (0: go ahead). */
async function unlockWait(subject: string, clientKey: string, link: string, now = new Date()): Promise<number> {
  const rows = await db().unlockThrottle.findMany({ where: { subject, clientKey: { in: [clientKey, linkKey(link)] } } });
  let wait = 0;
  for (const row of rows) {
    if (now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS) continue;
    const until = row.lastFailureAt.getTime() + waitSeconds(row.failures, budgetOf(row.clientKey)) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

async function recordUnlockFailure(subject: string, clientKey: string, link: string, now = new Date()): Promise<void> {
  for (const key of [clientKey, linkKey(link)]) {
    const row = await db().unlockThrottle.findUnique({ where: { subject_clientKey: { subject, clientKey: key } } });
    const isStale = !row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    await db().unlockThrottle.upsert({
      where: { subject_clientKey: { subject, clientKey: key } },
      create: { subject, clientKey: key, failures: 1, lastFailureAt: now },
      update: { failures: isStale ? 1 : { increment: 1 }, lastFailureAt: now },
    });
  }
}

async function clearUnlockFailures(subject: string, clientKey: string): Promise<void> {
  await db().unlockThrottle.deleteMany({ where: { subject, clientKey } });
}

/** Throttle rows older than the forgetting time count for nothing; the sweeper removes them. */
export async function forgetOldUnlockFailures(now = new Date()): Promise<number> {
  const { count } = await db().unlockThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
  return count;
}

/** A refused guess says why as a message key (with its values), for the page to word. */
export type Guess = { ok: true } | { ok: false; error: MessageKey; values?: MessageValues; waitSeconds?: number };

/**
 * One password guess against a share or request (`subject`), made by `clientKey` through `link`
 * (a fingerprint of the link's token), throttled per client and per link.
 */
export async function checkGuess(subject: string, passwordHash: string, guess: string, clientKey: string, link: string, now = new Date()): Promise<Guess> {
  const wait = await unlockWait(subject, clientKey, link, now);
  if (wait > 0) return { ok: false, error: 'common.errors.tooManyPasswords', values: { seconds: wait }, waitSeconds: wait };
  if (!(await verifyPassword(guess, passwordHash))) {
    await recordUnlockFailure(subject, clientKey, link, now);
    return { ok: false, error: 'common.errors.wrongPassword' };
  }
  await clearUnlockFailures(subject, clientKey);
  return { ok: true };
}
