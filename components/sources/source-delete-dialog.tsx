'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { deleteSource } from '@/app/(app)/files/sources/actions';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';

/** Deleting from a read-write source deletes the object in the bucket itself: said plainly before it happens. */
export function SourceDeleteDialog({ sourceId, object, onClose }: { sourceId: string; object: { path: string; name: string }; onClose: () => void }) {
  const t = useTranslations('sources.delete');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function confirmDelete() {
    startTransition(async () => {
      const result = await deleteSource({ sourceId, path: object.path });
      if (!result.ok) return setError(result.error);
      onClose();
      router.refresh();
    });
  }
  return (
    <Dialog open onClose={onClose} title={t('title')}>
      <p className="text-sm text-zinc-700">{t.rich('body', { name: object.name, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
      <p aria-live="polite" className="mt-2 text-sm text-red-600">
        {error}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={onClose} className={button.secondary}>
          {t('cancel')}
        </button>
        <button type="button" onClick={confirmDelete} disabled={isPending} className={button.danger}>
          {isPending ? t('pending') : t('submit')}
        </button>
      </div>
    </Dialog>
  );
}
