'use client';

import { useTranslations } from 'next-intl';
import { button } from '@/components/ui/styles';

/** Cancel and submit at the foot of a dialog's form; the submit is disabled while pending. */
export function DialogButtons({ onCancel, isPending, submit, pending }: { onCancel: () => void; isPending: boolean; submit: string; pending: string }) {
  const t = useTranslations('common.actions');
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={button.secondary}>
        {t('cancel')}
      </button>
      <button type="submit" disabled={isPending} className={button.primary}>
        {isPending ? pending : submit}
      </button>
    </div>
  );
}

/** The one button at the foot of a dialog that only shows a result: closes it. */
export function DoneButton({ onDone }: { onDone: () => void }) {
  const t = useTranslations('common.actions');
  return (
    <div className="flex justify-end">
      <button type="button" onClick={onDone} className={button.primary}>
        {t('done')}
      </button>
    </div>
  );
}
