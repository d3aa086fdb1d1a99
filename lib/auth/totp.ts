import 'server-only';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { db } from '@/lib/db';
import { seal, unseal } from '@/lib/seal';
import { UserError } from '@/lib/actions/user-error';
import type { SessionUser } from '@/lib/auth';
import { guessCode } from '@/lib/auth/code-guesses';
import { markSecondFactorGiven } from '@/lib/auth/session';
import { removeSecondFactor } from '@/lib/auth/factors';

// Authenticator apps (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1, as every app expects).
// The secret is stored sealed; it counts as a second factor once a code from the app confirmed it.
const SEAL_PURPOSE = 'totp-secret';
// A code from the step before or after is accepted too: phones' clocks drift.
const TOLERANCE_SECONDS = 30;

export type TotpOutcome = 'ok' | 'wrong' | 'used';

// Message keys (messages/*/auth.json) for each way a code can be refused.
export const TOTP_ERRORS = {
  wrong: 'auth.errors.wrongTotp',
  used: 'auth.errors.usedTotp',
} as const satisfies Record<Exclude<TotpOutcome, 'ok'>, string>;

/** Starts setting up an app: a fresh secret, not yet in force (replacing any unfinished set-up). */
export async function startTotpSetup(userId: string): Promise<void> {
  const existing = await db().totpSecret.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new UserError('auth.errors.totpAlreadySetUp');
  const sealedSecret = seal(generateSecret(), SEAL_PURPOSE);
  await db().totpSecret.upsert({ where: { userId }, create: { userId, sealedSecret }, update: { sealedSecret, lastUsedStep: null } });
}

export async function cancelTotpSetup(userId: string): Promise<void> {
  await db().totpSecret.deleteMany({ where: { userId, confirmedAt: null } });
}

export type TotpSetup = { secret: string; uri: string; qrSvg: string };

/** The unfinished set-up's secret, its otpauth:// address and that address as a QR code (SVG). */
export async function pendingTotpSetup(user: SessionUser): Promise<TotpSetup | null> {
  const row = await db().totpSecret.findUnique({ where: { userId: user.id }, select: { sealedSecret: true, confirmedAt: true } });
  const secret = row && !row.confirmedAt ? unseal(row.sealedSecret, SEAL_PURPOSE) : null;
  if (!secret) return null;
  const uri = generateURI({ issuer: 'Handoff', label: user.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

/** The first code from the app puts it in force; this session counts as having given it. */
export async function confirmTotpSetup(userId: string, code: string, now = new Date()): Promise<void> {
  const row = await db().totpSecret.findUnique({ where: { userId } });
  if (!row || row.confirmedAt) throw new UserError('auth.errors.noTotpSetUp');
  const outcome = await guessCode(userId, () => acceptCode(row, code, now), now.getTime());
  if (outcome !== 'ok') throw new UserError(TOTP_ERRORS[outcome]);
  await db().totpSecret.update({ where: { userId }, data: { confirmedAt: now } });
  await markSecondFactorGiven(userId, now);
}

/** A code given as the second factor: right, wrong, or right but used before. Guesses are limited. */
export async function checkTotpCode(userId: string, code: string, now = new Date()): Promise<TotpOutcome> {
  const row = await db().totpSecret.findUnique({ where: { userId } });
  if (!row?.confirmedAt) return 'wrong';
  return guessCode(userId, () => acceptCode(row, code, now), now.getTime());
}

/** Turns the app off; the caller has checked a current code or a passkey first. */
export async function turnOffTotp(userId: string): Promise<void> {
  await removeSecondFactor(userId, (tx) => tx.totpSecret.deleteMany({ where: { userId, confirmedAt: { not: null } } }), 'auth.errors.totpGone');
}

type TotpRow = { userId: string; sealedSecret: string; lastUsedStep: number | null };

/**
 * Checks a code and, when right, records its time step so it cannot be used again: the step only
 * ever moves forward, in one conditional UPDATE, so of two requests with one code only one wins.
 */
async function acceptCode(row: TotpRow, code: string, now: Date): Promise<TotpOutcome> {
  const secret = unseal(row.sealedSecret, SEAL_PURPOSE);
  if (!secret) return 'wrong';
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
  // The result type covers HOTP too; a TOTP result always carries its time step.
  if (!result.valid || !('timeStep' in result)) return 'wrong';
  if (row.lastUsedStep !== null && result.timeStep <= row.lastUsedStep) return 'used';
  const { count } = await db().totpSecret.updateMany({
    where: { userId: row.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: result.timeStep } }] },
    data: { lastUsedStep: result.timeStep },
  });
  return count === 1 ? 'ok' : 'used';
}
