'use client';

import { useEffect, useEffectEvent, useState } from 'react';
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
  // `load` is a new closure on each render: an effect event, so the effect below runs once.
  const loadPreview = useEffectEvent(() => load().catch((): ActionResult<Preview> => ({ ok: false, error: t('loadFailed') })));
  useEffect(() => {
    let isCurrent = true;
    // Once per opening (the dialog is mounted per opening); failures are caught into the result.
    void loadPreview().then((loaded) => isCurrent && setResult(loaded));
    return () => {
      isCurrent = false;
    };
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
