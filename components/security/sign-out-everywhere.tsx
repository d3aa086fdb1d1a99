'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { signOutEverywhere } from '@/app/(app)/settings/security/actions';
import { ActionButton } from '@/components/ui/action-button';

/** After a confirmation, ends every session and token; this browser goes to sign-in with the rest. */
export function SignOutEverywhere() {
  const t = useTranslations('auth.security');
  const router = useRouter();
  return (
    <ActionButton
      label={t('everywhere')}
      pending={t('everywherePending')}
      confirm={t('everywhereConfirm')}
      action={() => signOutEverywhere({})}
      onDone={() => router.replace('/signin')}
      style="danger"
    />
  );
}
