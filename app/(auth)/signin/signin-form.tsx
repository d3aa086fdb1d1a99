'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestSignInLink, type SignInState } from './actions';
import { button, field, label } from '@/components/ui/styles';

/**
 * A real POST to a server action, so it works before (or without) JavaScript and the address
 * never lands in a URL. A refused address comes back in the state and stays in the field.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.signIn');
  const [state, formAction, isPending] = useActionState<SignInState, FormData>(requestSignInLink, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1.5">
        <label htmlFor="email" className={label}>
          {t('emailLabel')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={Boolean(state.error)}
          aria-describedby="email-error"
          className={field}
          placeholder={t('emailPlaceholder')}
        />
        <p id="email-error" aria-live="polite" className="min-h-5 text-sm text-red-600">
          {state.error}
        </p>
      </div>
      <button type="submit" disabled={isPending} className={`${button.primary} w-full`}>
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
