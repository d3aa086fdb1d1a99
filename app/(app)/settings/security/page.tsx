import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSignIn } from '@/lib/auth';
import { SECURITY_PAGE } from '@/lib/auth/stage';
import { securitySettings } from '@/lib/auth/security-settings';
import { PasskeySettings } from '@/components/security/passkey-settings';
import { TotpSettings } from '@/components/security/totp-settings';
import { RecoveryCodeSettings } from '@/components/security/recovery-code-settings';

export const metadata: Metadata = { title: 'Security' };

const section = 'rounded-xl border border-zinc-200 bg-white p-5';

export default async function SecurityPage() {
  // Also for someone who must set up a second factor before anything else (REQUIRE_SECOND_FACTOR).
  const signIn = await currentSignIn();
  if (!signIn || signIn.stage === 'second-factor') redirect(`/signin?callbackUrl=${encodeURIComponent(SECURITY_PAGE)}`);
  const settings = await securitySettings(signIn.user);
  const hasSecondFactor = settings.passkeys.length > 0 || settings.hasTotp;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-lg font-semibold">Security</h1>
      {signIn.stage === 'set-up-second-factor' && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This Handoff asks everyone for a second step when they sign in. Add a passkey or an authenticator app below to continue.
        </p>
      )}
      <section aria-labelledby="passkeys-heading" className={section}>
        <h2 id="passkeys-heading" className="font-semibold">
          Passkeys
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          Sign in with your fingerprint, face, screen lock or security key instead of an email link. A passkey is also a second step after an email link.
        </p>
        <PasskeySettings passkeys={settings.passkeys} />
      </section>
      <section aria-labelledby="totp-heading" className={section}>
        <h2 id="totp-heading" className="font-semibold">
          Authenticator app
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">After an email link, enter a 6-digit code from an app such as Google Authenticator, 1Password or Authy.</p>
        <TotpSettings isOn={settings.hasTotp} setup={settings.totpSetup} hasPasskey={settings.passkeys.length > 0} />
      </section>
      <section aria-labelledby="recovery-heading" className={section}>
        <h2 id="recovery-heading" className="font-semibold">
          Recovery codes
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          If you lose your passkeys and your phone, a recovery code lets you finish signing in, once per code. Keep them somewhere safe.
        </p>
        <RecoveryCodeSettings codesLeft={settings.recoveryCodesLeft} hasSecondFactor={hasSecondFactor} />
      </section>
      {settings.isSecondFactorRequired && (
        <p className="text-sm text-zinc-600">This Handoff requires a second factor: you can remove your last one only after adding another.</p>
      )}
    </div>
  );
}
