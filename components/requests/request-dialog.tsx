'use client';

import { useActionState, useState } from 'react';
import { createRequest } from '@/app/(app)/requests/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { LinkField } from '@/components/ui/link-field';
import { LocalTime } from '@/components/ui/local-time';
import { FieldError } from '@/components/ui/field-error';
import { endOfLocalDay } from '@/components/ui/dates';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';
import { ExpiryFields } from '@/components/ui/expiry-fields';

type Created = { id: string; url: string; expiresAt: string };
type Props = { folders: { id: string; path: string }[]; maxUpload: string };

/** "New request": what to ask for, where the files go, and the link to send out. */
export function NewRequestButton({ folders, maxUpload }: Props) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <>
      <button type="button" onClick={() => (setRound((r) => r + 1), setOpen(true))} className={button.primary}>
        New request
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Ask for files" wide>
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

  if (created) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">
          Send this link to the people you want files from. It works until <LocalTime iso={created.expiresAt} />, or until you close the request. Copy it
          now: only a fingerprint of it is kept.
        </p>
        <LinkField id={idFor('link')} label="Upload link" url={created.url} testId="request-link" />
        <div className="flex justify-end">
          <button type="button" onClick={onClose} className={button.primary}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <div className="space-y-1.5">
        <label htmlFor={idFor('title')} className={label}>
          What are you asking for?
        </label>
        <input id={idFor('title')} name="title" required maxLength={255} placeholder="Signed contracts, Q3" className={field} aria-invalid={Boolean(errors.title)} aria-describedby={idFor('title-error')} />
        <FieldError id={idFor('title-error')} messages={errors.title} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={idFor('message')} className={label}>
          Message to senders <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea id={idFor('message')} name="message" rows={2} maxLength={2000} className={field} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={idFor('folder')} className={label}>
            Files arrive in
          </label>
          <select id={idFor('folder')} name="folderId" defaultValue="" className={field}>
            <option value="">A new folder named after the request</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.path}
              </option>
            ))}
          </select>
        </div>
        <ExpiryFields
          idPrefix="request"
          label="Open for"
          dateLabel="Open until (end of that day)"
          presets={[['1d', '1 day'], ['7d', '7 days'], ['30d', '30 days']]}
          dateOption="Until a date…"
          initial="7d"
          invalid={Boolean(errors.expiresAt)}
          errorId={idFor('date-error')}
        />
      </div>
      <FieldError id={idFor('date-error')} messages={errors.expiresAt} />
      <details className="rounded-lg border border-zinc-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">Limits and password</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor={idFor('max-files')} className={label}>
              Number of files
            </label>
            <input id={idFor('max-files')} name="maxFiles" type="number" min={1} placeholder="No limit" className={field} aria-describedby={idFor('max-files-error')} />
            <FieldError id={idFor('max-files-error')} messages={errors.maxFiles} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor={idFor('max-size')} className={label}>
              Largest file
            </label>
            <input id={idFor('max-size')} name="maxFileSize" placeholder={`Up to ${maxUpload}`} className={field} aria-describedby={idFor('max-size-error')} />
            <FieldError id={idFor('max-size-error')} messages={errors.maxFileSize} />
          </div>
          <div className="space-y-1.5 sm:col-span-2">
            <label htmlFor={idFor('types')} className={label}>
              Only these kinds of file <span className="font-normal text-zinc-500">(extensions or types, comma-separated)</span>
            </label>
            <input id={idFor('types')} name="allowedTypes" placeholder=".pdf, .docx, image/*" className={field} aria-describedby={idFor('types-error')} />
            <FieldError id={idFor('types-error')} messages={errors.allowedTypes} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor={idFor('password')} className={label}>
              Password
            </label>
            <input id={idFor('password')} name="password" type="password" autoComplete="new-password" className={field} aria-describedby={idFor('password-error')} />
            <FieldError id={idFor('password-error')} messages={errors.password} />
          </div>
        </div>
      </details>
      <p aria-live="polite" className="text-sm text-red-600">
        {state && !state.ok && Object.keys(errors).length === 0 ? state.error : ''}
      </p>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className={button.secondary}>
          Cancel
        </button>
        <button type="submit" disabled={isPending} className={button.primary}>
          {isPending ? 'Creating link…' : 'Create link'}
        </button>
      </div>
    </ActionForm>
  );
}
