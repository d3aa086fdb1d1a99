'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { field } from '@/components/ui/styles';

/** A new link, selected on focus, with a Copy button that confirms the copy. */
export function LinkField({ id, label, url, testId }: { id: string; label: string; url: string; testId: string }) {
  return (
    <div className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} readOnly value={url} className={`${field} font-mono`} data-testid={testId} onFocus={(e) => e.target.select()} />
      <CopyButton value={url} />
    </div>
  );
}
