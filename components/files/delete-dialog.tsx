'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { deleteItem } from '@/app/(app)/files/actions';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';
import type { Item } from '@/components/files/item-actions';

export function DeleteDialog({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
  const t = useTranslations('files.delete');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function confirmDelete() {
    startTransition(async () => {
      const result = await deleteItem({ kind: item.kind, id: item.id });
      if (result.ok) onClose();
      else setError(result.error);
    });
  }
  return (
    <Dialog open={open} onClose={onClose} title={t('title', { kind: item.kind })}>
      <p className="text-sm text-zinc-700">
        {t.rich(item.kind === 'folder' ? 'folder' : 'file', { name: item.name, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
      </p>
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
