import 'server-only';
import { randomInt } from 'node:crypto';
import { db } from '@/lib/db';
import { keyedDigest } from '@/lib/seal';
import { UserError } from '@/lib/actions/user-error';
import { guessCode } from '@/lib/auth/code-guesses';
import { hasSecondFactor } from '@/lib/auth/stage';

// Recovery codes stand in for a lost passkey or phone, once each. They are random (about 59 bits),
// shown once and stored only as keyed digests, so a copy of the database cannot be turned back
// into codes, and a code is found by its digest alone.
const COUNT = 10;
// No 0/o, 1/i/l: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const DIGEST_PURPOSE = 'recovery-code';

function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** `code` as the user typed it, without dashes and spaces, lowercase (lib/validation/webauthn.ts). */
const digestOf = (code: string) => keyedDigest(code.replace(/-/g, ''), DIGEST_PURPOSE);

/** Ten new codes, replacing any earlier ones. The only time they are ever shown. */
export async function generateRecoveryCodes(userId: string): Promise<string[]> {
  if (!(await hasSecondFactor(userId))) {
    throw new UserError('auth.errors.recoveryNeedsFactor');
  }
  const codes = Array.from({ length: COUNT }, newCode);
  await db().$transaction([
    db().recoveryCode.deleteMany({ where: { userId } }),
    db().recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: digestOf(code) })) }),
  ]);
  return codes;
}

/** Uses a recovery code as the second factor: true once, then never again. Guesses are limited. */
export async function redeemRecoveryCode(userId: string, code: string, now = new Date()): Promise<boolean> {
  const outcome = await guessCode(
    userId,
    async () => {
      const { count } = await db().recoveryCode.updateMany({ where: { userId, codeHash: digestOf(code), usedAt: null }, data: { usedAt: now } });
      return count === 1 ? 'ok' : 'wrong';
    },
    now.getTime(),
  );
  return outcome === 'ok';
}
