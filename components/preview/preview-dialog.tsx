'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import type { Preview } from '@/lib/files/preview';
import { Dialog } from '@/components/ui/dialog';
import { PreviewBody } from '@/components/preview/preview-body';

const WIDE_KINDS = new Set<Preview['kind']>(['pdf', 'video']);

type Props = { name: string; onClose: () => void; load: () => Promise<ActionResult<Preview>> };

/** Asks the server for a short-lived preview URL once, then shows the file. Mounted only while open. */
export function PreviewDialog({ name, onClose, load }: Props) {
  const [result, setResult] = useState<ActionResult<Preview> | null>(null);
  const t = useTranslations('recipient.preview');
  useEffect(() => {
    let isCurrent = true;
    load()
      .catch((): ActionResult<Preview> => ({ ok: false, error: t('loadFailed') }))
      .then((loaded) => isCurrent && setResult(loaded));
    return () => {
      isCurrent = false;
    };
    // Once per opening (the dialog is mounted per opening); `load` is a new closure on each render.
  }, []);
  return (
    // PDFs and videos need room: nearly the whole window on a desktop, all of it on a phone.
    <Dialog open onClose={onClose} title={t('title', { name })} wide={result?.ok && WIDE_KINDS.has(result.data.kind) ? 'full' : true}>
      {!result && (
        <p role="status" className="text-sm text-zinc-600">
          {t('loading')}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="preview-error">
          {result.error}
        </p>
      )}
      {result?.ok && <PreviewBody preview={result.data} />}
    </Dialog>
  );
}
