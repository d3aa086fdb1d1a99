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
import { TextField } from '@/components/ui/text-field';
import { DialogButtons } from '@/components/ui/dialog-buttons';

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
      <TextField id={idFor('title')} label="What are you asking for?" name="title" required maxLength={255} placeholder="Signed contracts, Q3" errors={errors.title} />
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
          <TextField id={idFor('max-files')} label="Number of files" name="maxFiles" type="number" min={1} placeholder="No limit" errors={errors.maxFiles} />
          <TextField id={idFor('max-size')} label="Largest file" name="maxFileSize" placeholder={`Up to ${maxUpload}`} errors={errors.maxFileSize} />
          <TextField
            id={idFor('types')}
            wide
            label={
              <>
                Only these kinds of file <span className="font-normal text-zinc-500">(extensions or types, comma-separated)</span>
              </>
            }
            name="allowedTypes"
            placeholder=".pdf, .docx, image/*"
            errors={errors.allowedTypes}
          />
          <TextField id={idFor('password')} label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} />
        </div>
      </details>
      <p aria-live="polite" className="text-sm text-red-600">
        {state && !state.ok && Object.keys(errors).length === 0 ? state.error : ''}
      </p>
      <DialogButtons onCancel={onClose} isPending={isPending} submit="Create link" pending="Creating link…" />
    </ActionForm>
  );
}
