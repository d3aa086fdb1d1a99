import 'server-only';
import { env } from '@/lib/env';
import type { SessionUser } from '@/lib/auth';
import { listPasskeys } from '@/lib/auth/passkeys';
import { secondFactorsOf } from '@/lib/auth/factors';
import { pendingTotpSetup, type TotpSetup } from '@/lib/auth/totp';

export type SecuritySettings = {
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  hasTotp: boolean;
  totpSetup: TotpSetup | null;
  recoveryCodesLeft: number;
  isSecondFactorRequired: boolean;
};

/** Everything the Security page shows about one user. */
export async function securitySettings(user: SessionUser): Promise<SecuritySettings> {
  const [passkeys, factors, totpSetup] = await Promise.all([listPasskeys(user.id), secondFactorsOf(user.id), pendingTotpSetup(user)]);
  return {
    passkeys: passkeys.map((passkey) => ({
      id: passkey.id,
      name: passkey.name,
      createdAt: passkey.createdAt.toISOString(),
      lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
    })),
    hasTotp: factors.hasTotp,
    totpSetup,
    recoveryCodesLeft: factors.recoveryCodesLeft,
    isSecondFactorRequired: env().REQUIRE_SECOND_FACTOR,
  };
}
