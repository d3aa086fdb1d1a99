'use client';

import { useState, useTransition } from 'react';
import { revokeShare } from '@/app/(app)/shares/actions';
import { button } from '@/components/ui/styles';

export function RevokeButton({ shareId }: { shareId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function revoke() {
    if (!window.confirm('Turn this link off now? Recipients will no longer be able to download.')) return;
    startTransition(async () => {
      const result = await revokeShare({ shareId });
      setError(result.ok ? null : result.error);
    });
  }
  return (
    <span className="flex items-center gap-2">
      <button type="button" onClick={revoke} disabled={isPending} className={button.secondary}>
        {isPending ? 'Revoking…' : 'Revoke'}
      </button>
      <span aria-live="polite" className="text-sm text-red-600">
        {error}
      </span>
    </span>
  );
}
