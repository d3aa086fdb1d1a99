'use client';

import { useActionState, useState } from 'react';
import { createShare } from '@/app/(app)/shares/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { LocalTime } from '@/components/ui/local-time';
import { button, field, label } from '@/components/ui/styles';
import { formatBytes } from '@/lib/bytes';

type Created = { id: string; url: string; expiresAt: string; recipients: string[] };
type Props = { file: { id: string; name: string; size: number }; open: boolean; onClose: () => void };

export function ShareDialog({ file, open, onClose }: Props) {
  const [state, formAction, isPending] = useActionState<ActionResult<Created> | null, FormData>(
    (_prev, form) => createShare(form),
    null,
  );
  const [expiry, setExpiry] = useState('7d');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? state.data : null;
  const idFor = (name: string) => `share-${file.id}-${name}`;

  return (
    <Dialog open={open} onClose={onClose} title={`Share “${file.name}”`} wide>
      {created ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-700">
            Anyone with this link can download {file.name} ({formatBytes(file.size)}) until <LocalTime iso={created.expiresAt} />.
            Copy it now: for your safety only a fingerprint of it is kept.
          </p>
          <div className="flex gap-2">
            <label htmlFor={idFor('link')} className="sr-only">
              Share link
            </label>
            <input id={idFor('link')} readOnly value={created.url} className={`${field} font-mono`} data-testid="share-link" onFocus={(e) => e.target.select()} />
            <CopyButton value={created.url} />
          </div>
          {created.recipients.length > 0 && (
            <p className="text-sm text-zinc-600">Emails are on their way to {created.recipients.join(', ')}. Track them on the Shares page.</p>
          )}
          <div className="flex justify-end">
            <button type="button" onClick={onClose} className={button.primary}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="fileId" value={file.id} />
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <label htmlFor={idFor('expiry')} className={label}>
                Link expires in
              </label>
              <select id={idFor('expiry')} name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)} className={field}>
                <option value="1h">1 hour</option>
                <option value="1d">1 day</option>
                <option value="7d">7 days</option>
                <option value="30d">30 days</option>
                <option value="date">On a date…</option>
              </select>
            </div>
            {expiry === 'date' && (
              <div className="space-y-1.5">
                <label htmlFor={idFor('date')} className={label}>
                  Expiry date (end of day, UTC)
                </label>
                <input id={idFor('date')} name="expiryDate" type="date" min={new Date().toISOString().slice(0, 10)} className={field} aria-invalid={Boolean(errors.expiryDate)} aria-describedby={idFor('date-error')} />
                <p id={idFor('date-error')} aria-live="polite" className="text-sm text-red-600">
                  {errors.expiryDate?.[0]}
                </p>
              </div>
            )}
          </div>
          <div className="space-y-1.5">
            <label htmlFor={idFor('recipients')} className={label}>
              Email the link to <span className="font-normal text-zinc-500">(optional; one per line or comma-separated)</span>
            </label>
            <textarea
              id={idFor('recipients')}
              name="recipients"
              rows={3}
              className={field}
              placeholder="ana@example.com, ben@example.org"
              aria-invalid={Boolean(errors.recipients)}
              aria-describedby={idFor('recipients-error')}
            />
            <ul id={idFor('recipients-error')} aria-live="polite" className="text-sm text-red-600">
              {errors.recipients?.map((message) => <li key={message}>{message}</li>)}
            </ul>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={idFor('message')} className={label}>
              Message <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <textarea id={idFor('message')} name="message" rows={3} maxLength={2000} className={field} />
          </div>
          <p aria-live="polite" className="text-sm text-red-600">
            {state && !state.ok && !state.fieldErrors ? state.error : ''}
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={onClose} className={button.secondary}>
              Cancel
            </button>
            <button type="submit" disabled={isPending} className={button.primary}>
              {isPending ? 'Creating link…' : 'Create link'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
