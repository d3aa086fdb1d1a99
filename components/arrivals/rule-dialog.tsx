'use client';

import { useActionState, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { saveRule } from '@/app/(app)/rules/actions';
import type { ActionResult } from '@/lib/actions/result';
import type { RuleSummary } from '@/lib/arrivals/list';
import { LOCALE_NAMES, LOCALES } from '@/i18n/locales';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { ActionForm } from '@/components/ui/action-form';
import { button, field, label } from '@/components/ui/styles';

export type RulePlaces = { sources: { id: string; name: string }[]; folders: { id: string; name: string }[] };

const TEXT_FIELDS = ['prefix', 'pattern', 'minSize', 'maxSize', 'recipients', 'message', 'days', 'maxDownloads', 'password', 'locale'] as const;

/** Where a rule looks, as the dialog's select writes it: "source:<id>" or "folder:<id>". */
function whereOf(rule: RuleSummary | null, places: RulePlaces): string {
  if (rule?.sourceId) return `source:${rule.sourceId}`;
  if (rule?.folderId) return `folder:${rule.folderId}`;
  const first = places.sources[0] ? `source:${places.sources[0].id}` : places.folders[0] ? `folder:${places.folders[0].id}` : '';
  return first;
}

/** Creates a rule (rule null) or edits one: where, which objects, who gets them, and on what terms. */
export function RuleDialog({ rule, places, onClose }: { rule: RuleSummary | null; places: RulePlaces; onClose: () => void }) {
  const t = useTranslations('arrivals.dialog');
  const router = useRouter();
  const [where, setWhere] = useState(() => whereOf(rule, places));
  const [state, formAction, isPending] = useActionState<ActionResult<{ id: string }> | null, FormData>(async (_prev, form) => {
    const [kind, placeId] = String(form.get('where') ?? '').split(':');
    const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, String(form.get(name) ?? '')]));
    const result = await saveRule({
      ...text,
      ruleId: rule?.id ?? '',
      sourceId: kind === 'source' ? placeId : '',
      folderId: kind === 'folder' ? placeId : '',
      prefix: kind === 'source' ? text.prefix : '',
      notifyOwner: form.get('notifyOwner') === 'on',
      removePassword: form.get('removePassword') === 'on',
    });
    if (result.ok) {
      onClose();
      router.refresh();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const isSource = where.startsWith('source:');
  const input = (name: (typeof TEXT_FIELDS)[number], props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="space-y-1.5">
      <label htmlFor={`rule-${name}`} className={label}>
        {t(name)}
      </label>
      <input id={`rule-${name}`} name={name} className={field} aria-invalid={Boolean(errors[name])} aria-describedby={`rule-${name}-error`} {...props} />
      <FieldError id={`rule-${name}-error`} messages={errors[name]} />
    </div>
  );
  return (
    <Dialog open onClose={onClose} title={rule ? t('editTitle') : t('newTitle')} wide>
      <ActionForm action={formAction} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor="rule-where" className={label}>
            {t('where')}
          </label>
          <select id="rule-where" name="where" value={where} onChange={(event) => setWhere(event.target.value)} className={field} aria-describedby="rule-sourceId-error">
            {places.sources.length > 0 && (
              <optgroup label={t('sources')}>
                {places.sources.map((s) => (
                  <option key={s.id} value={`source:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            )}
            {places.folders.length > 0 && (
              <optgroup label={t('folders')}>
                {places.folders.map((f) => (
                  <option key={f.id} value={`folder:${f.id}`}>
                    {f.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <FieldError id="rule-sourceId-error" messages={errors.sourceId ?? errors.folderId} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {isSource && input('prefix', { defaultValue: rule?.prefix ?? '', placeholder: 'clients/acme/' })}
          {input('pattern', { defaultValue: rule?.pattern ?? '', placeholder: '*.pdf' })}
          {input('minSize', { type: 'number', min: 0, inputMode: 'numeric', defaultValue: rule?.minSize ?? '' })}
          {input('maxSize', { type: 'number', min: 0, inputMode: 'numeric', defaultValue: rule?.maxSize ?? '' })}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="rule-recipients" className={label}>
            {t('recipients')}
          </label>
          <textarea
            id="rule-recipients"
            name="recipients"
            rows={2}
            defaultValue={rule?.recipients.join(', ')}
            className={field}
            aria-invalid={Boolean(errors.recipients)}
            aria-describedby="rule-recipients-error"
          />
          <FieldError id="rule-recipients-error" messages={errors.recipients} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="rule-message" className={label}>
            {t('message')}
          </label>
          <textarea id="rule-message" name="message" rows={2} defaultValue={rule?.message ?? ''} className={field} aria-describedby="rule-message-error" />
          <FieldError id="rule-message-error" messages={errors.message} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {input('days', { type: 'number', min: 1, max: 365, inputMode: 'numeric', defaultValue: rule?.days ?? 7 })}
          {input('maxDownloads', { type: 'number', min: 1, inputMode: 'numeric', defaultValue: rule?.maxDownloads ?? '' })}
          {input('password', { type: 'password', autoComplete: 'new-password', placeholder: rule?.hasPassword ? t('passwordKept') : '' })}
          <div className="space-y-1.5">
            <label htmlFor="rule-locale" className={label}>
              {t('locale')}
            </label>
            <select id="rule-locale" name="locale" defaultValue={rule?.locale ?? ''} className={field}>
              <option value="">{t('localeOwner')}</option>
              {LOCALES.map((value) => (
                <option key={value} value={value} lang={value}>
                  {LOCALE_NAMES[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {rule?.hasPassword && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="removePassword" /> {t('removePassword')}
          </label>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notifyOwner" defaultChecked={rule?.notifyOwner ?? false} /> {t('notifyOwner')}
        </label>
        <p role="alert" className="text-sm text-red-600">
          {state && !state.ok && Object.keys(errors).length === 0 ? state.error : ''}
        </p>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className={button.secondary}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={isPending || where === ''} className={button.primary}>
            {isPending ? t('pending') : t('save')}
          </button>
        </div>
      </ActionForm>
    </Dialog>
  );
}
