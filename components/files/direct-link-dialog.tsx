'use client';

import { useActionState } from 'react';
import { createDirectLink } from '@/app/(app)/files/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { LocalTime } from '@/components/ui/local-time';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';

type Props = { file: { id: string; name: string }; open: boolean; onClose: () => void };

export function DirectLinkDialog({ file, open, onClose }: Props) {
  const [state, formAction, isPending] = useActionState<ActionResult<{ url: string; expiresAt: string }> | null, FormData>(
    (_prev, form) => createDirectLink(form),
    null,
  );
  const inputId = `direct-${file.id}`;
  return (
    <Dialog open={open} onClose={onClose} title="Direct S3 link" wide>
      <p role="note" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
        This is a bare S3 presigned URL, as made by <code>aws s3 presign</code>. It cannot be revoked: it works until it expires,
        for anyone who has it, and it shows the bucket’s address. For people, prefer Share.
      </p>
      <ActionForm action={formAction} className="space-y-4">
        <input type="hidden" name="fileId" value={file.id} />
        <div className="space-y-1.5">
          <label htmlFor={inputId} className={label}>
            Expires in (seconds, 1 to 604800 = 7 days)
          </label>
          <input id={inputId} name="expiresIn" type="number" min={1} max={604800} defaultValue={3600} required className={field} aria-describedby={`${inputId}-error`} />
          <p id={`${inputId}-error`} aria-live="polite" className="text-sm text-red-600">
            {state && !state.ok ? state.error : ''}
          </p>
        </div>
        <div className="flex justify-end">
          <button type="submit" disabled={isPending} className={button.primary}>
            {isPending ? 'Signing…' : 'Create S3 link'}
          </button>
        </div>
      </ActionForm>
      {state?.ok && (
        <div className="mt-4 space-y-2">
          <div className="flex gap-2">
            <input readOnly value={state.data.url} aria-label="S3 link" data-testid="direct-link" className={`${field} font-mono text-xs`} onFocus={(e) => e.target.select()} />
            <CopyButton value={state.data.url} />
          </div>
          <p className="text-sm text-zinc-600">
            Expires <LocalTime iso={state.data.expiresAt} />. Recorded in your history; it cannot be turned off before then.
          </p>
        </div>
      )}
    </Dialog>
  );
}
