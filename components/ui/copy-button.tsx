'use client';

import { useState } from 'react';
import { button } from '@/components/ui/styles';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
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
      <button type="button" onClick={copy} className={button.secondary}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === 'copied' ? 'Link copied to the clipboard' : state === 'failed' ? 'Could not copy; select the link and copy it by hand' : ''}
      </span>
      {state === 'failed' && <span className="text-sm text-red-600">Copy failed: select the link and copy it.</span>}
    </>
  );
}
