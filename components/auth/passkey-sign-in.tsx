'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { passkeySignInOptions, signInWithPasskey } from '@/app/(auth)/signin/actions';
import { authenticateWithPasskey, usePromptError } from '@/components/auth/passkey-ceremony';
import { useIsClient } from '@/components/ui/use-is-client';
import { button } from '@/components/ui/styles';

/** Signs in with a passkey alone: the browser offers the passkeys it holds for this site. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.passkey');
  const promptError = usePromptError();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // A passkey is asked for by script: until it runs, the button would do nothing.
  const isHydrated = useIsClient();
  function signIn() {
    setError(null);
    startTransition(async () => {
      const result = await authenticateWithPasskey(
        () => passkeySignInOptions({}),
        (response) => signInWithPasskey({ response, callbackUrl }),
        promptError,
      );
      if (result.ok) window.location.assign(result.data.redirectTo);
      else setError(result.error);
    });
  }
  return (
    <div className="space-y-1.5">
      <button type="button" onClick={signIn} disabled={!isHydrated || isPending} className={`${button.secondary} w-full`}>
        {isPending ? t('waiting') : t('signIn')}
      </button>
      {/* Not <noscript>: this also covers the moments before the script has loaded. */}
      {!isHydrated && <p className="text-sm text-zinc-600">{t('signInNeedsScript')}</p>}
      <p aria-live="polite" className="min-h-5 text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}
