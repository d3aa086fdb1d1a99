'use client';

import { useState, useTransition } from 'react';
import { finishWithCode, finishWithPasskey, finishWithRecoveryCode, secondFactorPasskeyOptions } from '@/app/(auth)/signin/second-factor/actions';
import type { ActionResult } from '@/lib/actions/result';
import { authenticateWithPasskey } from '@/components/auth/passkey-ceremony';
import { CodeForm } from '@/components/auth/code-form';
import { button } from '@/components/ui/styles';

type Props = { callbackUrl: string; hasPasskey: boolean; hasTotp: boolean; hasRecoveryCodes: boolean };

/** The ways this user can give their second factor: a passkey, an app's code, a recovery code. */
export function SecondFactorForms({ callbackUrl, hasPasskey, hasTotp, hasRecoveryCodes }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // On success the page is left with a full load, so the new session cookie takes effect everywhere.
  const go = (result: ActionResult<{ redirectTo: string }>) => {
    if (result.ok) window.location.assign(result.data.redirectTo);
    return result;
  };
  function usePasskey() {
    setError(null);
    startTransition(async () => {
      const result = go(
        await authenticateWithPasskey(
          () => secondFactorPasskeyOptions({}),
          (response) => finishWithPasskey({ response, callbackUrl }),
        ),
      );
      if (!result.ok) setError(result.error);
    });
  }
  return (
    <div className="space-y-6">
      {hasPasskey && (
        <div className="space-y-1.5">
          <button type="button" onClick={usePasskey} disabled={isPending} className={`${button.primary} w-full`}>
            {isPending ? 'Waiting for your passkey…' : 'Use a passkey'}
          </button>
          <p aria-live="polite" className="min-h-5 text-sm text-red-600">
            {error}
          </p>
        </div>
      )}
      {hasTotp && (
        <CodeForm
          id="totp-code"
          label="Code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          submit="Continue"
          onSubmit={async (code) => go(await finishWithCode({ code, callbackUrl }))}
        />
      )}
      {hasRecoveryCodes && (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700">Use a recovery code</summary>
          <div className="mt-3">
            <CodeForm id="recovery-code" label="Recovery code" submit="Use recovery code" onSubmit={async (code) => go(await finishWithRecoveryCode({ code, callbackUrl }))} />
          </div>
        </details>
      )}
    </div>
  );
}
