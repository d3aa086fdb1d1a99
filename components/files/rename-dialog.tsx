'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { renameItem } from '@/app/(app)/files/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { NameField } from '@/components/files/name-field';
import type { Item } from '@/components/files/item-actions';
import { ActionForm } from '@/components/ui/action-form';
import { DialogButtons } from '@/components/ui/dialog-buttons';

export function RenameDialog({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
  const t = useTranslations('files.rename');
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(async (_prev, form) => {
    const result = await renameItem(form);
    if (result.ok) onClose();
    return result;
  }, null);
  return (
    <Dialog open={open} onClose={onClose} title={t('title', { kind: item.kind })}>
      <ActionForm action={formAction} className="space-y-4">
        <input type="hidden" name="kind" value={item.kind} />
        <input type="hidden" name="id" value={item.id} />
        <NameField id={`rename-${item.id}`} errorId={`rename-error-${item.id}`} label={t('name')} defaultValue={item.name} error={state && !state.ok ? state.error : ''} />
        <DialogButtons onCancel={onClose} isPending={isPending} submit={t('submit')} pending={t('pending')} />
      </ActionForm>
    </Dialog>
  );
}
