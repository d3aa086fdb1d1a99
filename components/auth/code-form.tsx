'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { button } from '@/components/ui/styles';

type Props = {
  id: string;
  label: string;
  submit: string;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  onSubmit: (code: string) => Promise<ActionResult<unknown>>;
};

/** One code (an app's or a recovery code) sent to an action; what was wrong shows under the field. */
export function CodeForm({ id, label, submit, inputMode = 'text', autoComplete = 'off', onSubmit }: Props) {
  const [state, formAction, isPending] = useActionState<ActionResult<unknown> | null, FormData>(
    async (_prev, form) => onSubmit(String(form.get('code') ?? '')),
    null,
  );
  return (
    <ActionForm action={formAction} className="space-y-3">
      <TextField
        id={id}
        name="code"
        label={label}
        required
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        maxLength={40}
        errors={state && !state.ok ? [state.error] : undefined}
      />
      <button type="submit" disabled={isPending} className={`${button.secondary} w-full`}>
        {isPending ? 'Checking…' : submit}
      </button>
    </ActionForm>
  );
}
