'use client';

import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslations } from 'next-intl';
import { useIsClient } from '@/components/ui/use-is-client';

/** wide: a form with two columns; 'full': media (PDF, video), nearly the whole window, all of a phone's. */
type DialogProps = { open: boolean; onClose: () => void; title: string; children: React.ReactNode; wide?: boolean | 'full' };

const WIDTHS = {
  normal: 'w-[calc(100%-2rem)] max-w-md',
  wide: 'w-[calc(100%-2rem)] max-w-xl',
  full: 'max-sm:h-full max-sm:max-h-none max-sm:w-full max-sm:max-w-none max-sm:rounded-none sm:w-[calc(100%-4rem)] sm:max-w-7xl',
};

/**
 * The native <dialog>: focus trap, Escape and the top layer come from the browser. It is portalled
 * to <body> because the top layer still inherits CSS from the DOM parent (a table row's nowrap cut
 * every warning off), and it hands focus back to whatever opened it, which React's unmounting
 * would otherwise drop on <body>.
 */
export function Dialog({ open, onClose, title, children, wide }: DialogProps) {
  const t = useTranslations('common.actions');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const isClient = useIsClient();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open, isClient]);
  if (!isClient) return null;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto ${WIDTHS[wide === 'full' ? 'full' : wide ? 'wide' : 'normal']} rounded-xl bg-white p-0 text-zinc-900 shadow-xl`}
    >
      {open && (
        <div className="p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} tabIndex={-1} className="min-w-0 text-lg font-semibold break-words focus:outline-none">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="shrink-0 rounded-md p-1 text-zinc-500 hover:bg-zinc-100" aria-label={t('close')}>
              ✕
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>,
    document.body,
  );
}
