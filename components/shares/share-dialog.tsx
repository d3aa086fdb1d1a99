'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createShare, emailLocaleDefault } from '@/app/(app)/shares/actions';
import type { Locale } from '@/i18n/locales';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { FieldError } from '@/components/ui/field-error';
import { endOfLocalDay, localToIso } from '@/components/ui/dates';
import { field, label } from '@/components/ui/styles';
import { formatBytes } from '@/lib/bytes';
import { ActionForm } from '@/components/ui/action-form';
import { ExpiryFields } from '@/components/ui/expiry-fields';
import { TextField } from '@/components/ui/text-field';
import { DialogButtons } from '@/components/ui/dialog-buttons';
import { ShareCreated, type CreatedShare, type SharedWhat } from '@/components/shares/share-created';
import { EmailLanguageSelect } from '@/components/shares/email-language-select';
import { fieldHint } from '@/components/shares/field-hint';

export type ShareItem = { kind: 'file'; id: string; name: string; size: number } | { kind: 'folder'; id: string; name: string };
/** Makes the share from the dialog's items and its fields; the default shares the app's own files and folders. */
export type CreateFromDialog = (items: ShareItem[], fields: Record<string, unknown>) => Promise<ActionResult<CreatedShare>>;
type Props = { items: ShareItem[]; open: boolean; onClose: () => void; create?: CreateFromDialog };

const createAppShare: CreateFromDialog = (items, fields) =>
  createShare({ ...fields, fileIds: items.filter((i) => i.kind === 'file').map((i) => i.id), folderIds: items.filter((i) => i.kind === 'folder').map((i) => i.id) });

/** 128 random bits naming this opening of the dialog (getRandomValues also works on plain http). */
function newSubmissionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function describe(items: ShareItem[], locale: Locale): SharedWhat {
  const [first] = items;
  if (items.length !== 1 || !first) return { kind: 'items', count: items.length };
  return first.kind === 'file' ? { kind: 'file', name: first.name, size: formatBytes(first.size, locale) } : { kind: 'folder', name: first.name };
}

/**
 * The email language to preselect: this page's language at once, then the owner's saved one
 * (asked of the server) unless the owner has already picked one here.
 */
function useEmailLocale() {
  const [locale, setLocale] = useState<string>(useLocale());
  const isPicked = useRef(false);
  useEffect(() => {
    let isCurrent = true;
    void emailLocaleDefault({}).then((result) => {
      if (isCurrent && result.ok && !isPicked.current) setLocale(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  const pick = (value: string) => {
    isPicked.current = true;
    setLocale(value);
  };
  return [locale, pick] as const;
}

export function ShareDialog({ items, open, onClose, create = createAppShare }: Props) {
  const t = useTranslations('shares.dialog');
  const locale = useLocale();
  const [emailLocale, pickEmailLocale] = useEmailLocale();
  // One id per opening (the dialog is mounted while open): every submit of this form carries it,
  // so the server makes one share however many times it arrives.
  const [submissionId] = useState(newSubmissionId);
  const [state, formAction, isPending] = useActionState<ActionResult<CreatedShare> | null, FormData>((previous, form) => {
    // A second submit queued behind the one that made the share keeps showing that share's link.
    if (previous?.ok) return previous;
    const value = (name: string) => String(form.get(name) ?? '');
    return create(items, {
      submissionId: value('submissionId'),
      expiry: value('expiry'),
      expiresAt: endOfLocalDay(value('expiryDate')),
      availableFrom: localToIso(value('availableFrom')),
      recipients: value('recipients'),
      message: value('message'),
      password: value('password'),
      maxDownloads: value('maxDownloads'),
      notifyOnFirstDownload: form.get('notifyOnFirstDownload') === 'on',
      locale: value('locale'),
    });
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? state.data : null;
  const first = items[0];
  const title = items.length === 1 && first ? t('titleOne', { name: first.name }) : t('titleMany', { count: items.length });
  const idFor = (name: string) => `share-${name}`;

  return (
    <Dialog open={open} onClose={onClose} title={title} wide>
      {created ? (
        <ShareCreated created={created} what={describe(items, locale)} onClose={onClose} />
      ) : (
        <ActionForm action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="submissionId" value={submissionId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <ExpiryFields
              idPrefix="share"
              label={t('expiresIn')}
              dateLabel={t('expiryDate')}
              presets={[
                ['1h', t('preset1h')],
                ['1d', t('preset1d')],
                ['7d', t('preset7d')],
                ['30d', t('preset30d')],
              ]}
              dateOption={t('onADate')}
              initial="7d"
              invalid={Boolean(errors.expiresAt)}
              errorId={idFor('date-error')}
            />
          </div>
          <FieldError id={idFor('date-error')} messages={errors.expiresAt} />
          <div className="space-y-1.5">
            <label htmlFor={idFor('recipients')} className={label}>
              {t.rich('recipients', { hint: fieldHint })}
            </label>
            <textarea
              id={idFor('recipients')}
              name="recipients"
              rows={3}
              className={field}
              placeholder={t('recipientsPlaceholder')}
              aria-invalid={Boolean(errors.recipients)}
              aria-describedby={idFor('recipients-error')}
            />
            <FieldError id={idFor('recipients-error')} messages={errors.recipients} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor={idFor('message')} className={label}>
              {t.rich('message', { hint: fieldHint })}
            </label>
            <textarea id={idFor('message')} name="message" rows={2} maxLength={2000} className={field} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <EmailLanguageSelect id={idFor('locale')} label={t('emailLanguage')} value={emailLocale} onChange={(e) => pickEmailLocale(e.target.value)} />
          </div>
          <details className="rounded-lg border border-zinc-200 px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium">{t('moreOptions')}</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <TextField id={idFor('password')} label={t('password')} name="password" type="password" autoComplete="new-password" errors={errors.password} />
              <TextField id={idFor('max')} label={t('downloadLimit')} name="maxDownloads" type="number" min={1} placeholder={t('noLimit')} errors={errors.maxDownloads} />
              <div className="space-y-1.5">
                <label htmlFor={idFor('from')} className={label}>
                  {t('availableFrom')}
                </label>
                <input id={idFor('from')} name="availableFrom" type="datetime-local" className={field} />
              </div>
              <label className="flex items-center gap-2 self-end text-sm">
                <input type="checkbox" name="notifyOnFirstDownload" className="size-4" />
                {t('notify')}
              </label>
            </div>
          </details>
          <FormError state={state} />
          <DialogButtons onCancel={onClose} isPending={isPending} submit={t('create')} pending={t('creating')} />
        </ActionForm>
      )}
    </Dialog>
  );
}
