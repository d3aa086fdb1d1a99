import { button } from '@/components/ui/styles';

/** Cancel and submit at the foot of a dialog's form; the submit is disabled while pending. */
export function DialogButtons({ onCancel, isPending, submit, pending }: { onCancel: () => void; isPending: boolean; submit: string; pending: string }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={button.secondary}>
        Cancel
      </button>
      <button type="submit" disabled={isPending} className={button.primary}>
        {isPending ? pending : submit}
      </button>
    </div>
  );
}
