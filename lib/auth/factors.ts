import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, lockRow } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';

type Tx = Prisma.TransactionClient;

/**
 * Removes a passkey or the authenticator app (`remove` deletes it and says how many rows went) and
 * checks what is left in the same transaction, so two removals at once cannot both take the last
 * one (the user's row is held meanwhile). With REQUIRE_SECOND_FACTOR on the last one stays; otherwise its recovery codes go with it
 * (they would otherwise come back to life with the next factor set up).
 */
export async function removeSecondFactor(
  userId: string,
  remove: (tx: Tx) => Promise<{ count: number }>,
  goneMessage: 'auth.errors.passkeyGone' | 'auth.errors.totpGone',
): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockRow(tx, 'User', userId);
    if ((await remove(tx)).count === 0) throw new UserError(goneMessage);
    const passkeys = await tx.passkey.count({ where: { userId } });
    const totp = await tx.totpSecret.count({ where: { userId, confirmedAt: { not: null } } });
    if (passkeys + totp > 0) return;
    if (env().REQUIRE_SECOND_FACTOR) throw new UserError('auth.errors.lastFactor');
    await tx.recoveryCode.deleteMany({ where: { userId } });
  });
}

export type SecondFactors = { passkeys: number; hasTotp: boolean; recoveryCodesLeft: number };

/** Which second factors a user has, for the second-factor and Security pages. */
export async function secondFactorsOf(userId: string): Promise<SecondFactors> {
  const [passkeys, totp, recoveryCodesLeft] = await Promise.all([
    db().passkey.count({ where: { userId } }),
    db().totpSecret.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db().recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { passkeys, hasTotp: Boolean(totp?.confirmedAt), recoveryCodesLeft };
}
