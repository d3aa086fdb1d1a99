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
import { PageSection } from '@/components/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.security'))('title') };
}

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
      <PageSection id="passkeys-heading" heading={t('passkeysHeading')} intro={t('passkeysIntro')}>
        <PasskeySettings passkeys={settings.passkeys} />
      </PageSection>
      <PageSection id="totp-heading" heading={t('totpHeading')} intro={t('totpIntro')}>
        <TotpSettings isOn={settings.hasTotp} setup={settings.totpSetup} hasPasskey={settings.passkeys.length > 0} />
      </PageSection>
      <PageSection id="recovery-heading" heading={t('recoveryHeading')} intro={t('recoveryIntro')}>
        <RecoveryCodeSettings codesLeft={settings.recoveryCodesLeft} hasSecondFactor={hasSecondFactor} />
      </PageSection>
      {settings.isSecondFactorRequired && <p className="text-sm text-zinc-600">{t('required')}</p>}
      <PageSection id="everywhere-heading" heading={t('everywhereHeading')} intro={t('everywhereIntro')}>
        <SignOutEverywhere />
      </PageSection>
    </div>
  );
}
