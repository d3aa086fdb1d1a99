'use client';

import { useState, useTransition } from 'react';
import { generateRecoveryCodes } from '@/app/(app)/settings/security/actions';
import { CopyButton } from '@/components/ui/copy-button';
import { button } from '@/components/ui/styles';

/** How many codes are left, and new ones on request: shown here once, never again. */
export function RecoveryCodeSettings({ codesLeft, hasSecondFactor }: { codesLeft: number; hasSecondFactor: boolean }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!hasSecondFactor) return <p className="text-sm text-zinc-600">Set up a passkey or an authenticator app first.</p>;
  function generate() {
    if (codesLeft > 0 && !window.confirm('Make new recovery codes? The ones you have now stop working.')) return;
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
            Save these codes now: they are not shown again. Each works once.
          </p>
          <ol className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <CopyButton value={codes.join('\n')} label="Copy codes" />
        </div>
      ) : (
        <p className="text-sm text-zinc-700" data-testid="recovery-codes-left">
          {codesLeft === 0 ? 'You have no recovery codes.' : `${codesLeft} unused recovery ${codesLeft === 1 ? 'code' : 'codes'} left.`}
        </p>
      )}
      <button type="button" onClick={generate} disabled={isPending} className={button.secondary}>
        {isPending ? 'Making codes…' : codesLeft > 0 || codes ? 'Make new recovery codes' : 'Make recovery codes'}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}
