'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { deleteSource } from '@/app/(app)/files/sources/actions';
import { ConfirmDeleteDialog } from '@/components/ui/confirm-delete-dialog';

/** Deleting from a read-write source deletes the object in the bucket itself: said plainly before it happens. */
export function SourceDeleteDialog({ sourceId, object, onClose }: { sourceId: string; object: { path: string; name: string }; onClose: () => void }) {
  const t = useTranslations('sources.delete');
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      open
      title={t('title')}
      body={t.rich('body', { name: object.name, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
      labels={{ cancel: t('cancel'), submit: t('submit'), pending: t('pending') }}
      remove={() => deleteSource({ sourceId, path: object.path })}
      onDone={() => {
        onClose();
        router.refresh();
      }}
      onClose={onClose}
    />
  );
}
