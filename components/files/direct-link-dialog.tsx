'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createDirectLink } from '@/app/(app)/files/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { LocalTime } from '@/components/ui/local-time';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';

type Made = ActionResult<{ url: string; expiresAt: string }>;
/** `create`: how the link is made from the form (a storage source's object); an app file's by default. */
type Props = { file: { id: string; name: string }; open: boolean; onClose: () => void; create?: (form: FormData) => Promise<Made> };

export function DirectLinkDialog({ file, open, onClose, create = createDirectLink }: Props) {
  const t = useTranslations('files.directLink');
  const [state, formAction, isPending] = useActionState<Made | null, FormData>((_prev, form) => create(form), null);
  const inputId = `direct-${file.id}`;
  return (
    <Dialog open={open} onClose={onClose} title={t('title')} wide>
      <p role="note" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t.rich('warning', { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <ActionForm action={formAction} className="space-y-4">
        <input type="hidden" name="fileId" value={file.id} />
        <div className="space-y-1.5">
          <label htmlFor={inputId} className={label}>
            {t('expiresIn')}
          </label>
          <input id={inputId} name="expiresIn" type="number" min={1} max={604800} defaultValue={3600} required className={field} aria-describedby={`${inputId}-error`} />
          <p id={`${inputId}-error`} aria-live="polite" className="text-sm text-red-600">
            {state && !state.ok ? state.error : ''}
          </p>
        </div>
        <div className="flex justify-end">
          <button type="submit" disabled={isPending} className={button.primary}>
            {isPending ? t('pending') : t('submit')}
          </button>
        </div>
      </ActionForm>
      {state?.ok && (
        <div className="mt-4 space-y-2">
          <div className="flex gap-2">
            <input readOnly value={state.data.url} aria-label={t('link')} data-testid="direct-link" className={`${field} font-mono text-xs`} onFocus={(e) => e.target.select()} />
            <CopyButton value={state.data.url} />
          </div>
          <p className="text-sm text-zinc-600">{t.rich('expires', { time: () => <LocalTime iso={state.data.expiresAt} /> })}</p>
        </div>
      )}
    </Dialog>
  );
}
