'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { signOutEverywhere } from '@/app/(app)/settings/security/actions';
import { button } from '@/components/ui/styles';

/** After a confirmation, ends every session and token; this browser goes to sign-in with the rest. */
export function SignOutEverywhere() {
  const t = useTranslations('auth.security');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const router = useRouter();
  function signOutAll() {
    if (!window.confirm(t('everywhereConfirm'))) return;
    startTransition(async () => {
      const result = await signOutEverywhere({});
      if (result.ok) router.replace('/signin');
      else setError(result.error);
    });
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={signOutAll} disabled={isPending} className={button.danger}>
        {isPending ? t('everywherePending') : t('everywhere')}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}
