import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentSignIn } from '@/lib/auth';
import { SECURITY_PAGE } from '@/lib/auth/stage';
import { securitySettings } from '@/lib/auth/security-settings';
import { PasskeySettings } from '@/components/security/passkey-settings';
import { TotpSettings } from '@/components/security/totp-settings';
import { RecoveryCodeSettings } from '@/components/security/recovery-code-settings';
import { SignOutEverywhere } from '@/components/security/sign-out-everywhere';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.security'))('title') };
}

const section = 'rounded-xl border border-zinc-200 bg-white p-5';

export default async function SecurityPage() {
  // Also for someone who must set up a second factor before anything else (REQUIRE_SECOND_FACTOR).
  const signIn = await currentSignIn();
  if (!signIn || signIn.stage === 'second-factor') redirect(`/signin?callbackUrl=${encodeURIComponent(SECURITY_PAGE)}`);
  const [settings, t] = await Promise.all([securitySettings(signIn.user), getTranslations('auth.security')]);
  const hasSecondFactor = settings.passkeys.length > 0 || settings.hasTotp;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      {signIn.stage === 'set-up-second-factor' && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('mustSetUp')}
        </p>
      )}
      <section aria-labelledby="passkeys-heading" className={section}>
        <h2 id="passkeys-heading" className="font-semibold">
          {t('passkeysHeading')}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('passkeysIntro')}</p>
        <PasskeySettings passkeys={settings.passkeys} />
      </section>
      <section aria-labelledby="totp-heading" className={section}>
        <h2 id="totp-heading" className="font-semibold">
          {t('totpHeading')}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('totpIntro')}</p>
        <TotpSettings isOn={settings.hasTotp} setup={settings.totpSetup} hasPasskey={settings.passkeys.length > 0} />
      </section>
      <section aria-labelledby="recovery-heading" className={section}>
        <h2 id="recovery-heading" className="font-semibold">
          {t('recoveryHeading')}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('recoveryIntro')}</p>
        <RecoveryCodeSettings codesLeft={settings.recoveryCodesLeft} hasSecondFactor={hasSecondFactor} />
      </section>
      {settings.isSecondFactorRequired && <p className="text-sm text-zinc-600">{t('required')}</p>}
      <section aria-labelledby="everywhere-heading" className={section}>
        <h2 id="everywhere-heading" className="font-semibold">
          {t('everywhereHeading')}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('everywhereIntro')}</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
