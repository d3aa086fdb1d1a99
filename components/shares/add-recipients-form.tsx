'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { addRecipients } from '@/app/(app)/shares/actions';
import type { ActionResult } from '@/lib/actions/result';
import { FieldError } from '@/components/ui/field-error';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';

export function AddRecipientsForm({ shareId }: { shareId: string }) {
  const t = useTranslations('shares.recipients');
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, isPending] = useActionState<ActionResult<{ added: number }> | null, FormData>(async (_prev, form) => {
    const result = await addRecipients({ shareId, recipients: String(form.get('recipients') ?? '') });
    // Cleared once the people are added; a refused list stays to be corrected.
    if (result.ok) formRef.current?.reset();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors?.recipients : undefined;
  return (
    <ActionForm ref={formRef} action={formAction} className="mt-4 space-y-2" noValidate>
      <label htmlFor="add-recipients" className={label}>
        {t('add')}
      </label>
      <div className="flex gap-2">
        <input id="add-recipients" name="recipients" placeholder={t('addPlaceholder')} className={`${field} min-w-0`} aria-describedby="add-recipients-error" />
        <button type="submit" disabled={isPending} className={`${button.secondary} shrink-0`}>
          {isPending ? t('adding') : t('addAndEmail')}
        </button>
      </div>
      <FieldError id="add-recipients-error" messages={errors ?? (state && !state.ok ? [state.error] : undefined)} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('added', { count: state.data.added })}
        </p>
      )}
    </ActionForm>
  );
}
