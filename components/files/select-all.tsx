'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { SELECTION_FORM } from '@/components/files/selection';

type State = 'none' | 'some' | 'all';

function rowBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${SELECTION_FORM}"][name="select"]`)];
}

function readState(): State {
  const boxes = rowBoxes();
  const checked = boxes.filter((box) => box.checked).length;
  return checked === 0 ? 'none' : checked === boxes.length ? 'all' : 'some';
}

/** The table's header checkbox: checks every row on this page; shows "some" as indeterminate. */
export function SelectAll() {
  const t = useTranslations('files.table');
  const box = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>('none');

  useEffect(() => {
    const sync = () => setState(readState());
    // The selection bar's Clear resets the form: the boxes change without a change event.
    const afterReset = () => setTimeout(sync);
    document.addEventListener('change', sync);
    document.addEventListener('reset', afterReset);
    return () => {
      document.removeEventListener('change', sync);
      document.removeEventListener('reset', afterReset);
    };
  }, []);

  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);

  return (
    <input
      ref={box}
      type="checkbox"
      // In the selection form (so the bar hears its change event), with no name (so it is never an item).
      form={SELECTION_FORM}
      checked={state === 'all'}
      onChange={(event) => {
        for (const row of rowBoxes()) row.checked = event.target.checked;
        setState(event.target.checked ? 'all' : 'none');
      }}
      aria-label={t('selectAll')}
      className="size-4"
    />
  );
}
