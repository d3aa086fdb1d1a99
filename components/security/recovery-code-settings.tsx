'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { generateRecoveryCodes } from '@/app/(app)/settings/security/actions';
import { CopyButton } from '@/components/ui/copy-button';
import { button } from '@/components/ui/styles';

/** How many codes are left, and new ones on request: shown here once, never again. */
export function RecoveryCodeSettings({ codesLeft, hasSecondFactor }: { codesLeft: number; hasSecondFactor: boolean }) {
  const t = useTranslations('auth.recovery');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!hasSecondFactor) return <p className="text-sm text-zinc-600">{t('needFactor')}</p>;
  function generate() {
    if (codesLeft > 0 && !window.confirm(t('confirmNew'))) return;
    setError(null);
    startTransition(async () => {
      const result = await generateRecoveryCodes({});
      setCodes(result.ok ? result.data : null);
      setError(result.ok ? null : result.error);
    });
  }
  return (
    <div className="space-y-3">
      {codes ? (
        <div className="space-y-3 rounded-lg bg-zinc-50 p-4">
          <p role="status" className="text-sm font-medium text-zinc-900">
            {t('saveNow')}
          </p>
          <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <CopyButton value={codes.join('\n')} label={t('copy')} />
        </div>
      ) : (
        <p className="text-sm text-zinc-700" data-testid="recovery-codes-left">
          {codesLeft === 0 ? t('none') : t('left', { count: codesLeft })}
        </p>
      )}
      <button type="button" onClick={generate} disabled={isPending} className={button.secondary}>
        {isPending ? t('making') : codesLeft > 0 || codes ? t('makeNew') : t('make')}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}
