'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { resendInvite, revokeRecipient } from '@/app/(app)/shares/actions';
import { button } from '@/components/ui/styles';

export function RecipientActions({ recipientId, email }: { recipientId: string; email: string }) {
  const t = useTranslations('shares.recipients');
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (action: typeof resendInvite, done: string) =>
    startTransition(async () => {
      const result = await action({ recipientId });
      setMessage(result.ok ? done : result.error);
    });
  return (
    <span className="inline-flex items-center gap-1">
      <button type="button" disabled={isPending} className={button.ghost} aria-label={t('resendTo', { email })} onClick={() => run(resendInvite, t('resent'))}>
        {t('resend')}
      </button>
      <button
        type="button"
        disabled={isPending}
        className={button.ghost}
        aria-label={t('revokeFor', { email })}
        onClick={() => window.confirm(t('confirmRevoke', { email })) && run(revokeRecipient, t('revoked'))}
      >
        {t('revoke')}
      </button>
      <span aria-live="polite" className="text-xs text-zinc-600">
        {message}
      </span>
    </span>
  );
}
