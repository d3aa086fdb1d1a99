'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createFolder } from '@/app/(app)/files/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';
import { NameField } from '@/components/files/name-field';
import { ActionForm } from '@/components/ui/action-form';
import { DialogButtons } from '@/components/ui/dialog-buttons';

export function NewFolderButton({ parentId }: { parentId: string | null }) {
  const t = useTranslations('files.newFolder');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={button.secondary}>
        {t('button')}
      </button>
      {open && <NewFolderDialog parentId={parentId} onClose={() => setOpen(false)} />}
    </>
  );
}

function NewFolderDialog({ parentId, onClose }: { parentId: string | null; onClose: () => void }) {
  const t = useTranslations('files.newFolder');
  const [state, formAction, isPending] = useActionState<ActionResult<{ id: string }> | null, FormData>(async (_prev, form) => {
    const result = await createFolder(form);
    if (result.ok) onClose();
    return result;
  }, null);
  return (
    <Dialog open onClose={onClose} title={t('title')}>
      <ActionForm action={formAction} className="space-y-4">
        <input type="hidden" name="parentId" value={parentId ?? ''} />
        <NameField id="folder-name" errorId="folder-error" label={t('name')} error={state && !state.ok ? state.error : ''} />
        <DialogButtons onCancel={onClose} isPending={isPending} submit={t('submit')} pending={t('pending')} />
      </ActionForm>
    </Dialog>
  );
}
