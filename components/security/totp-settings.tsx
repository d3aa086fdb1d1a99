'use client';

import { useState, useTransition } from 'react';
import { cancelTotpSetup, confirmTotpSetup, passkeyConfirmOptions, startTotpSetup, turnOffTotp } from '@/app/(app)/settings/security/actions';
import { authenticateWithPasskey } from '@/components/auth/passkey-ceremony';
import { CodeForm } from '@/components/auth/code-form';
import { button } from '@/components/ui/styles';

type Setup = { secret: string; uri: string; qrSvg: string };
type Props = { isOn: boolean; setup: Setup | null; hasPasskey: boolean };

/** Off (start set-up), under way (scan, then confirm with a code), or on (turn off with proof). */
export function TotpSettings({ isOn, setup, hasPasskey }: Props) {
  if (isOn) return <TurnOff hasPasskey={hasPasskey} />;
  if (setup) return <ConfirmSetup setup={setup} />;
  return <StartSetup />;
}

function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error);
    });
  };
  return { error, isPending, run };
}

function StartSetup() {
  const { error, isPending, run } = useAction();
  return (
    <div className="space-y-1.5">
      <button type="button" onClick={() => run(() => startTotpSetup({}))} disabled={isPending} className={button.secondary}>
        {isPending ? 'Starting…' : 'Set up an authenticator app'}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}

function ConfirmSetup({ setup }: { setup: Setup }) {
  const { error, isPending, run } = useAction();
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-4">
        {/* The QR code is an SVG made on the server from the otpauth:// address. */}
        <img
          src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`}
          alt="QR code to scan with your authenticator app"
          width={176}
          height={176}
          className="rounded-lg border border-zinc-200"
        />
        <div className="min-w-0 flex-1 space-y-2 text-sm text-zinc-700">
          <p>Scan the code with your authenticator app, or enter this key in it by hand:</p>
          <p className="font-mono text-base break-all text-zinc-900" data-testid="totp-secret">
            {grouped}
          </p>
          <p>
            On a phone, the app may also open from{' '}
            <a href={setup.uri} className="underline">
              this link
            </a>
            .
          </p>
          <p>Then enter the 6-digit code the app shows to turn it on.</p>
        </div>
      </div>
      <CodeForm id="totp-confirm" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" submit="Turn on" onSubmit={(code) => confirmTotpSetup({ code })} />
      <button type="button" onClick={() => run(() => cancelTotpSetup({}))} disabled={isPending} className={button.ghost}>
        Cancel set-up
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}

function TurnOff({ hasPasskey }: { hasPasskey: boolean }) {
  const { error, isPending, run } = useAction();
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-emerald-800" data-testid="totp-status">
        An authenticator app is on.
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-700">Turn it off</summary>
        <div className="mt-3 space-y-3">
          <CodeForm id="totp-off" label="A current code from the app" inputMode="numeric" autoComplete="one-time-code" submit="Turn off" onSubmit={(code) => turnOffTotp({ code })} />
          {hasPasskey && (
            <>
              <button
                type="button"
                disabled={isPending}
                className={button.secondary}
                onClick={() => run(() => authenticateWithPasskey(() => passkeyConfirmOptions({}), (response) => turnOffTotp({ response })))}
              >
                Turn off with a passkey instead
              </button>
              <p aria-live="polite" className="text-sm text-red-600">
                {error}
              </p>
            </>
          )}
        </div>
      </details>
    </div>
  );
}
