'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ShareDialog, type CreateFromDialog, type ShareItem } from '@/components/shares/share-dialog';
import { SELECTION_FORM } from '@/components/files/selection';

/**
 * Row checkboxes (in the server-rendered table) belong to this form through their `form` attribute.
 * `create`: how the selection is shared (a storage source's objects); the app's own files by default.
 */
export function SelectionBar({ create }: { create?: CreateFromDialog }) {
  const t = useTranslations('files.selection');
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState<ShareItem[]>([]);
  const [isSharing, setIsSharing] = useState(false);

  const read = () => new FormData(form.current ?? undefined).getAll('select').map((value) => JSON.parse(String(value)) as ShareItem);

  useEffect(() => {
    const onChange = (event: Event) => {
      if ((event.target as HTMLInputElement).form?.id === SELECTION_FORM) setSelected(read());
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, []);

  function clear() {
    form.current?.reset();
    setSelected([]);
  }

  return (
    <>
      {/* Empty on purpose: the checkboxes join it by id; dialogs must not sit inside another form. */}
      <form id={SELECTION_FORM} ref={form} onSubmit={(event) => event.preventDefault()} />
      {selected.length > 0 && (
        <div className="mb-3 flex items-center gap-3 rounded-lg bg-zinc-900 px-4 py-2 text-sm text-white" role="region" aria-label={t('region')}>
          <span aria-live="polite">{t('count', { count: selected.length })}</span>
          <button type="button" onClick={() => setIsSharing(true)} className="rounded-md bg-white px-3 py-1 font-medium text-zinc-900 hover:bg-zinc-200">
            {t('share')}
          </button>
          <button
            type="button"
            onClick={clear}
            className="rounded-md px-2 py-1 text-white underline-offset-2 hover:bg-zinc-700 hover:underline focus-visible:outline-2 focus-visible:outline-white"
          >
            {t('clear')}
          </button>
        </div>
      )}
      {/* The selection stays after the dialog closes, so focus can go back to "Share selected". */}
      {isSharing && <ShareDialog items={selected} open onClose={() => setIsSharing(false)} create={create} />}
    </>
  );
}
