'use client';

import { useActionState } from 'react';
import { addRecipients } from '@/app/(app)/shares/actions';
import type { ActionResult } from '@/lib/actions/result';
import { FieldError } from '@/components/ui/field-error';
import { button, field, label } from '@/components/ui/styles';

export function AddRecipientsForm({ shareId }: { shareId: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult<{ added: number }> | null, FormData>(
    (_prev, form) => addRecipients({ shareId, recipients: String(form.get('recipients') ?? '') }),
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors?.recipients : undefined;
  return (
    <form action={formAction} className="mt-4 space-y-2" noValidate>
      <label htmlFor="add-recipients" className={label}>
        Add people
      </label>
      <div className="flex gap-2">
        <input id="add-recipients" name="recipients" placeholder="new@example.com, another@example.org" className={field} aria-describedby="add-recipients-error" />
        <button type="submit" disabled={isPending} className={button.secondary}>
          {isPending ? 'Adding…' : 'Add and email'}
        </button>
      </div>
      <FieldError id="add-recipients-error" messages={errors ?? (state && !state.ok ? [state.error] : undefined)} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          Added {state.data.added}; their emails are on the way.
        </p>
      )}
    </form>
  );
}
