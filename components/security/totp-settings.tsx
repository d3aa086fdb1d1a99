'use client';

import { useTranslations } from 'next-intl';
import { cancelTotpSetup, confirmTotpSetup, passkeyConfirmOptions, startTotpSetup, turnOffTotp } from '@/app/(app)/settings/security/actions';
import { authenticateWithPasskey, usePromptError } from '@/components/auth/passkey-ceremony';
import { CodeForm } from '@/components/auth/code-form';
import { button } from '@/components/ui/styles';
import { useServerAction } from '@/components/ui/use-server-action';

type Setup = { secret: string; uri: string; qrSvg: string };
type Props = { isOn: boolean; setup: Setup | null; hasPasskey: boolean };

/** Off (start set-up), under way (scan, then confirm with a code), or on (turn off with proof). */
export function TotpSettings({ isOn, setup, hasPasskey }: Props) {
  if (isOn) return <TurnOff hasPasskey={hasPasskey} />;
  if (setup) return <ConfirmSetup setup={setup} />;
  return <StartSetup />;
}

function StartSetup() {
  const t = useTranslations('auth.totp');
  const { error, isPending, run } = useServerAction();
  return (
    <div className="space-y-1.5">
      <button type="button" onClick={() => run(() => startTotpSetup({}))} disabled={isPending} className={button.secondary}>
        {isPending ? t('starting') : t('setUp')}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}

function ConfirmSetup({ setup }: { setup: Setup }) {
  const t = useTranslations('auth.totp');
  const { error, isPending, run } = useServerAction();
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-4">
        {/* The QR code is an SVG made on the server from the otpauth:// address. */}
        <img src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`} alt={t('qrAlt')} width={176} height={176} className="rounded-lg border border-zinc-200" />
        <div className="min-w-0 flex-1 space-y-2 text-sm text-zinc-700">
          <p>{t('scan')}</p>
          <p className="font-mono text-base break-all text-zinc-900" data-testid="totp-secret">
            {grouped}
          </p>
          <p>
            {t.rich('openLink', {
              link: (chunks) => (
                <a href={setup.uri} className="underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
          <p>{t('thenEnter')}</p>
        </div>
      </div>
      <CodeForm id="totp-confirm" label={t('confirmLabel')} inputMode="numeric" autoComplete="one-time-code" submit={t('turnOn')} onSubmit={(code) => confirmTotpSetup({ code })} />
      <button type="button" onClick={() => run(() => cancelTotpSetup({}))} disabled={isPending} className={button.ghost}>
        {t('cancelSetUp')}
      </button>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}

function TurnOff({ hasPasskey }: { hasPasskey: boolean }) {
  const t = useTranslations('auth.totp');
  const promptError = usePromptError();
  const { error, isPending, run } = useServerAction();
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-emerald-800" data-testid="totp-status">
        {t('isOn')}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-700">{t('turnItOff')}</summary>
        <div className="mt-3 space-y-3">
          <CodeForm id="totp-off" label={t('offLabel')} inputMode="numeric" autoComplete="one-time-code" submit={t('turnOff')} onSubmit={(code) => turnOffTotp({ code })} />
          {hasPasskey && (
            <>
              <button
                type="button"
                disabled={isPending}
                className={button.secondary}
                onClick={() =>
                  run(() =>
                    authenticateWithPasskey(
                      () => passkeyConfirmOptions({}),
                      (response) => turnOffTotp({ response }),
                      promptError,
                    ),
                  )
                }
              >
                {t('turnOffWithPasskey')}
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
