'use client';

import { useActionState } from 'react';
import { unlockShare, type UnlockState } from '@/app/s/[token]/actions';
import { button, field, label } from '@/components/ui/styles';

export function UnlockForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState<UnlockState, FormData>(unlockShare.bind(null, token), {});
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <p className="text-sm text-zinc-700">These files are protected by a password. Ask the sender for it.</p>
      <div className="space-y-1.5">
        <label htmlFor="share-password" className={label}>
          Password
        </label>
        <input id="share-password" name="password" type="password" required autoComplete="off" className={field} aria-describedby="share-password-error" aria-invalid={Boolean(state.error)} />
        <p id="share-password-error" aria-live="polite" className="min-h-5 text-sm text-red-600">
          {state.error}
        </p>
      </div>
      <button type="submit" disabled={isPending} className={`${button.primary} w-full`}>
        {isPending ? 'Checking…' : 'Unlock'}
      </button>
    </form>
  );
}
