'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { previewFile } from '@/app/s/[token]/actions';
import { PreviewDialog } from '@/components/preview/preview-dialog';
import { button } from '@/components/ui/styles';

/** The share page's Preview for one file: the server checks the link as for a download, and records the view. */
export function SharePreviewButton({ token, file }: { token: string; file: { id: string; name: string } }) {
  const [isOpen, setOpen] = useState(false);
  const t = useTranslations('recipient.preview');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={button.secondary} aria-label={t('buttonLabel', { name: file.name })}>
        {t('button')}
      </button>
      {isOpen && <PreviewDialog name={file.name} onClose={() => setOpen(false)} load={() => previewFile({ token, fileId: file.id })} />}
    </>
  );
}
