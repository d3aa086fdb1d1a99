'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { button } from '@/components/ui/styles';

type Fields = { id: string; label: string; submit: string; inputMode?: 'numeric' | 'text'; autoComplete?: string };

/** The code field and its button; what was wrong shows under the field. */
function CodeFields({ id, label, submit, inputMode = 'text', autoComplete = 'off', error, isPending }: Fields & { error?: string; isPending: boolean }) {
  const t = useTranslations('auth.code');
  return (
    <>
      <TextField
        id={id}
        name="code"
        label={label}
        required
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        maxLength={40}
        errors={error ? [error] : undefined}
      />
      <button type="submit" disabled={isPending} className={`${button.secondary} w-full`}>
        {isPending ? t('checking') : submit}
      </button>
    </>
  );
}

/** One code (an app's or a recovery code) sent to an action that answers in the page (Security). */
export function CodeForm({ onSubmit, ...fields }: Fields & { onSubmit: (code: string) => Promise<ActionResult<unknown>> }) {
  const [state, formAction, isPending] = useActionState<ActionResult<unknown> | null, FormData>(async (_prev, form) => onSubmit(String(form.get('code') ?? '')), null);
  return (
    <ActionForm action={formAction} className="space-y-3">
      <CodeFields {...fields} error={state && !state.ok ? state.error : undefined} isPending={isPending} />
    </ActionForm>
  );
}

export type CodeState = { error?: string };

type PostedProps = Fields & { action: (prev: CodeState, form: FormData) => Promise<CodeState>; callbackUrl: string };

/**
 * A code posted to a server action as a real form, so it works before (or without) JavaScript:
 * the action moves on with a redirect, or answers with what was wrong.
 */
export function PostedCodeForm({ action, callbackUrl, ...fields }: PostedProps) {
  const [state, formAction, isPending] = useActionState<CodeState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <CodeFields {...fields} error={state.error} isPending={isPending} />
    </form>
  );
}
