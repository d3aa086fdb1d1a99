'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { revokeShare } from '@/app/(app)/shares/actions';
import { button } from '@/components/ui/styles';

export function RevokeButton({ shareId }: { shareId: string }) {
  const t = useTranslations('shares.revoke');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function revoke() {
    if (!window.confirm(t('confirm'))) return;
    startTransition(async () => {
      const result = await revokeShare({ shareId });
      setError(result.ok ? null : result.error);
    });
  }
  return (
    <span className="flex items-center gap-2">
      <button type="button" onClick={revoke} disabled={isPending} className={button.secondary}>
        {isPending ? t('pending') : t('button')}
      </button>
      <span aria-live="polite" className="text-sm text-red-600">
        {error}
      </span>
    </span>
  );
}
