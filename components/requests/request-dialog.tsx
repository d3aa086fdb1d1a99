'use client';

import { useActionState, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createRequest } from '@/app/(app)/requests/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { LinkField } from '@/components/ui/link-field';
import { LocalTime } from '@/components/ui/local-time';
import { FieldError } from '@/components/ui/field-error';
import { endOfLocalDay } from '@/components/ui/dates';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';
import { ExpiryFields } from '@/components/ui/expiry-fields';
import { TextField } from '@/components/ui/text-field';
import { DialogButtons, DoneButton } from '@/components/ui/dialog-buttons';
import { formatBytes } from '@/lib/bytes';

/** What the kinds field takes, by example: the same in every language. */
const TYPES_EXAMPLE = ['.pdf', '.docx', 'image/*'].join(', ');

type Created = { id: string; url: string; expiresAt: string };
type Props = { folders: { id: string; path: string }[]; maxUpload: number };

/** "New request": what to ask for, where the files go, and the link to send out. */
export function NewRequestButton({ folders, maxUpload }: Props) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const t = useTranslations('requests.dialog');
  return (
    <>
      <button type="button" onClick={() => (setRound((r) => r + 1), setOpen(true))} className={button.primary}>
        {t('open')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('title')} wide>
        <RequestForm key={round} folders={folders} maxUpload={maxUpload} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RequestForm({ folders, maxUpload, onClose }: Props & { onClose: () => void }) {
  const [state, formAction, isPending] = useActionState<ActionResult<Created> | null, FormData>((_prev, form) => {
    const value = (name: string) => String(form.get(name) ?? '');
    return createRequest({
      title: value('title'),
      message: value('message'),
      expiry: value('expiry'),
      expiresAt: endOfLocalDay(value('expiryDate')),
      password: value('password'),
      maxFiles: value('maxFiles'),
      maxFileSize: value('maxFileSize'),
      allowedTypes: value('allowedTypes'),
      folderId: value('folderId'),
    });
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? state.data : null;
  const idFor = (name: string) => `request-${name}`;
  const t = useTranslations('requests.dialog');
  const locale = useLocale();
  const hint = (chunks: React.ReactNode) => <span className="font-normal text-zinc-500">{chunks}</span>;

  if (created) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">{t.rich('created', { time: () => <LocalTime iso={created.expiresAt} /> })}</p>
        <LinkField id={idFor('link')} label={t('linkLabel')} url={created.url} testId="request-link" />
        <DoneButton onDone={onClose} />
      </div>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <TextField id={idFor('title')} label={t('what')} name="title" required maxLength={255} placeholder={t('whatPlaceholder')} errors={errors.title} />
      <div className="space-y-1.5">
        <label htmlFor={idFor('message')} className={label}>
          {t.rich('message', { hint })}
        </label>
        <textarea id={idFor('message')} name="message" rows={2} maxLength={2000} className={field} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={idFor('folder')} className={label}>
            {t('folder')}
          </label>
          <select id={idFor('folder')} name="folderId" defaultValue="" className={field}>
            <option value="">{t('newFolder')}</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.path}
              </option>
            ))}
          </select>
        </div>
        <ExpiryFields
          idPrefix="request"
          label={t('openFor')}
          dateLabel={t('openUntil')}
          presets={[
            ['1d', t('days', { count: 1 })],
            ['7d', t('days', { count: 7 })],
            ['30d', t('days', { count: 30 })],
          ]}
          dateOption={t('untilDate')}
          initial="7d"
          invalid={Boolean(errors.expiresAt)}
          errorId={idFor('date-error')}
        />
      </div>
      <FieldError id={idFor('date-error')} messages={errors.expiresAt} />
      <details className="rounded-lg border border-zinc-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">{t('limits')}</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField id={idFor('max-files')} label={t('maxFiles')} name="maxFiles" type="number" min={1} placeholder={t('noLimit')} errors={errors.maxFiles} />
          <TextField id={idFor('max-size')} label={t('maxSize')} name="maxFileSize" placeholder={t('upTo', { size: formatBytes(maxUpload, locale) })} errors={errors.maxFileSize} />
          <TextField id={idFor('types')} wide label={t.rich('types', { hint })} name="allowedTypes" placeholder={TYPES_EXAMPLE} errors={errors.allowedTypes} />
          <TextField id={idFor('password')} label={t('password')} name="password" type="password" autoComplete="new-password" errors={errors.password} />
        </div>
      </details>
      <FormError state={state} />
      <DialogButtons onCancel={onClose} isPending={isPending} submit={t('create')} pending={t('creating')} />
    </ActionForm>
  );
}
