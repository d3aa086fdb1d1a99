'use client';

import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';
import { useServerAction } from '@/components/ui/use-server-action';

type Props = {
  open: boolean;
  title: string;
  /** What goes, said plainly. */
  body: React.ReactNode;
  labels: { cancel: string; submit: string; pending: string };
  remove: () => Promise<{ ok: true } | { ok: false; error: string }>;
  /** After it is gone: close, and whatever else the page needs. */
  onDone: () => void;
  onClose: () => void;
};

/** Asks before a delete, runs it, and keeps the dialog open with the reason when it is refused. */
export function ConfirmDeleteDialog({ open, title, body, labels, remove, onDone, onClose }: Props) {
  const { error, isPending, run } = useServerAction();
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <p className="text-sm text-zinc-700">{body}</p>
      <p aria-live="polite" className="mt-2 text-sm text-red-600">
        {error}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={onClose} className={button.secondary}>
          {labels.cancel}
        </button>
        <button type="button" onClick={() => run(remove, onDone)} disabled={isPending} className={button.danger}>
          {isPending ? labels.pending : labels.submit}
        </button>
      </div>
    </Dialog>
  );
}
