'use client';

import { useTranslations } from 'next-intl';
import { deleteItem } from '@/app/(app)/files/actions';
import { ConfirmDeleteDialog } from '@/components/ui/confirm-delete-dialog';
import type { Item } from '@/components/files/item-actions';

export function DeleteDialog({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
  const t = useTranslations('files.delete');
  return (
    <ConfirmDeleteDialog
      open={open}
      title={t('title', { kind: item.kind })}
      body={t.rich(item.kind === 'folder' ? 'folder' : 'file', { name: item.name, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
      labels={{ cancel: t('cancel'), submit: t('submit'), pending: t('pending') }}
      remove={() => deleteItem({ kind: item.kind, id: item.id })}
      onDone={onClose}
      onClose={onClose}
    />
  );
}
