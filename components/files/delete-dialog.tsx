'use client';

import { useState, useTransition } from 'react';
import { deleteItem } from '@/app/(app)/files/actions';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';
import type { Item } from '@/components/files/item-actions';

export function DeleteDialog({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
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
    <Dialog open={open} onClose={onClose} title={`Delete ${item.kind}?`}>
      <p className="text-sm text-zinc-700">
        <strong className="break-all">{item.name}</strong>{' '}
        {item.kind === 'folder'
          ? 'and everything in it will be removed from the bucket. Links to these files stop working.'
          : 'will be removed from the bucket. Links to it stop working.'}{' '}
        This cannot be undone.
      </p>
      <p aria-live="polite" className="mt-2 text-sm text-red-600">
        {error}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={onClose} className={button.secondary}>
          Cancel
        </button>
        <button type="button" onClick={confirmDelete} disabled={isPending} className={button.danger}>
          {isPending ? 'Deleting…' : 'Delete'}
        </button>
      </div>
    </Dialog>
  );
}
