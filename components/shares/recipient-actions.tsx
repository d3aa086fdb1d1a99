'use client';

import { useState, useTransition } from 'react';
import { resendInvite, revokeRecipient } from '@/app/(app)/shares/actions';
import { button } from '@/components/ui/styles';

export function RecipientActions({ recipientId, email }: { recipientId: string; email: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (action: typeof resendInvite, done: string) =>
    startTransition(async () => {
      const result = await action({ recipientId });
      setMessage(result.ok ? done : result.error);
    });
  return (
    <span className="inline-flex items-center gap-1">
      <button type="button" disabled={isPending} className={button.ghost} aria-label={`Resend to ${email}`} onClick={() => run(resendInvite, 'New link sent; the old one stops working.')}>
        Resend
      </button>
      <button
        type="button"
        disabled={isPending}
        className={button.ghost}
        aria-label={`Revoke ${email}`}
        onClick={() => window.confirm(`Turn off ${email}'s link? Others keep theirs.`) && run(revokeRecipient, 'Revoked.')}
      >
        Revoke
      </button>
      <span aria-live="polite" className="text-xs text-zinc-600">
        {message}
      </span>
    </span>
  );
}
