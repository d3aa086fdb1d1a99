'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { finishWithPasskey, secondFactorPasskeyOptions, submitRecoveryCode, submitTotpCode } from '@/app/(auth)/signin/second-factor/actions';
import { authenticateWithPasskey, usePromptError } from '@/components/auth/passkey-ceremony';
import { PostedCodeForm } from '@/components/auth/code-form';
import { useIsClient } from '@/components/ui/use-is-client';
import { button } from '@/components/ui/styles';

type Props = { callbackUrl: string; hasPasskey: boolean; hasTotp: boolean; hasRecoveryCodes: boolean };

/** The ways this user can give their second factor: a passkey, an app's code, a recovery code. */
export function SecondFactorForms({ callbackUrl, hasPasskey, hasTotp, hasRecoveryCodes }: Props) {
  const t = useTranslations('auth');
  const promptError = usePromptError();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // A passkey is asked for by script: until it runs, the button would do nothing.
  const isHydrated = useIsClient();
  function usePasskey() {
    setError(null);
    startTransition(async () => {
      const result = await authenticateWithPasskey(
        () => secondFactorPasskeyOptions({}),
        (response) => finishWithPasskey({ response, callbackUrl }),
        promptError,
      );
      // A full load, so the new session cookie takes effect everywhere.
      if (result.ok) window.location.assign(result.data.redirectTo);
      else setError(result.error);
    });
  }
  return (
    <div className="space-y-6">
      {hasPasskey && (
        <div className="space-y-1.5">
          <button type="button" onClick={usePasskey} disabled={!isHydrated || isPending} className={`${button.primary} w-full`}>
            {isPending ? t('passkey.waiting') : t('secondFactor.usePasskey')}
          </button>
          {!isHydrated && <p className="text-sm text-zinc-600">{t('secondFactor.passkeyNeedsScript')}</p>}
          <p aria-live="polite" className="min-h-5 text-sm text-red-600">
            {error}
          </p>
        </div>
      )}
      {hasTotp && (
        <PostedCodeForm
          id="totp-code"
          label={t('secondFactor.totpLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          submit={t('secondFactor.continue')}
          action={submitTotpCode}
          callbackUrl={callbackUrl}
        />
      )}
      {hasRecoveryCodes && (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700">{t('secondFactor.useRecoveryCode')}</summary>
          <div className="mt-3">
            <PostedCodeForm
              id="recovery-code"
              label={t('secondFactor.recoveryCodeLabel')}
              submit={t('secondFactor.submitRecoveryCode')}
              action={submitRecoveryCode}
              callbackUrl={callbackUrl}
            />
          </div>
        </details>
      )}
    </div>
  );
}
