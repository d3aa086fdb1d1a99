'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { button, field, label } from '@/components/ui/styles';

export type UnlockState = { error?: string };

type Props = { action: (prev: UnlockState, form: FormData) => Promise<UnlockState>; prompt: string };

/** The password step of a share or an upload request; action is a server action bound to its link. */
export function UnlockForm({ action, prompt }: Props) {
  const t = useTranslations('shell.unlock');
  const [state, formAction, isPending] = useActionState<UnlockState, FormData>(action, {});
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <p className="text-sm text-zinc-700">{prompt}</p>
      <div className="space-y-1.5">
        <label htmlFor="unlock-password" className={label}>
          {t('password')}
        </label>
        <input
          id="unlock-password"
          name="password"
          type="password"
          required
          autoComplete="off"
          className={field}
          aria-describedby="unlock-password-error"
          aria-invalid={Boolean(state.error)}
        />
        <p id="unlock-password-error" aria-live="polite" className="min-h-5 text-sm text-red-600">
          {state.error}
        </p>
      </div>
      <button type="submit" disabled={isPending} className={`${button.primary} w-full`}>
        {isPending ? t('checking') : t('unlock')}
      </button>
    </form>
  );
}
