'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { button } from '@/components/ui/styles';

/** Copies `value`; `label` names what it copies ("Copy codes"), else it says Copy. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations('common');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }
  return (
    <>
      <button type="button" onClick={() => void copy()} className={button.secondary}>
        {state === 'copied' ? t('actions.copied') : (label ?? t('actions.copy'))}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === 'copied' ? t('copy.copiedStatus') : state === 'failed' ? t('copy.failedStatus') : ''}
      </span>
      {state === 'failed' && <span className="text-sm text-red-600">{t('copy.failed')}</span>}
    </>
  );
}
