'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { addPasskey, passkeyRegistrationOptions, removePasskey } from '@/app/(app)/settings/security/actions';
import { registerPasskey, usePromptError } from '@/components/auth/passkey-ceremony';
import { LocalTime } from '@/components/ui/local-time';
import { TextField } from '@/components/ui/text-field';
import { button } from '@/components/ui/styles';

type Passkey = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** The user's passkeys, each removable, and a form to add one under a name of their choice. */
export function PasskeySettings({ passkeys }: { passkeys: Passkey[] }) {
  const t = useTranslations('auth.passkeys');
  return (
    <div className="space-y-4">
      {passkeys.length > 0 && (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
          {passkeys.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      )}
      <AddPasskeyForm key={passkeys.length} suggestedName={passkeys.length === 0 ? t('firstName') : t('nextName', { number: passkeys.length + 1 })} />
    </div>
  );
}

function PasskeyRow({ passkey }: { passkey: Passkey }) {
  const t = useTranslations('auth.passkeys');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function remove() {
    if (!window.confirm(t('confirmRemove', { name: passkey.name }))) return;
    startTransition(async () => {
      const result = await removePasskey({ passkeyId: passkey.id });
      setError(result.ok ? null : result.error);
    });
  }
  const added = () => <LocalTime iso={passkey.createdAt} withTime={false} />;
  const lastUsedAt = passkey.lastUsedAt;
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2" aria-label={t('rowLabel', { name: passkey.name })}>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{passkey.name}</p>
        <p className="text-xs text-zinc-500">{lastUsedAt ? t.rich('addedAndUsed', { added, used: () => <LocalTime iso={lastUsedAt} /> }) : t.rich('addedNotUsed', { added })}</p>
        <p aria-live="polite" className="text-sm text-red-600">
          {error}
        </p>
      </div>
      <button type="button" onClick={remove} disabled={isPending} className={button.ghost}>
        {isPending ? t('removing') : t('remove')}
      </button>
    </li>
  );
}

function AddPasskeyForm({ suggestedName }: { suggestedName: string }) {
  const t = useTranslations('auth');
  const promptError = usePromptError();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const name = String(new FormData(event.currentTarget).get('name') ?? '');
        setError(null);
        startTransition(async () => {
          const result = await registerPasskey(
            () => passkeyRegistrationOptions({}),
            (response) => addPasskey({ name, response }),
            promptError,
          );
          setError(result.ok ? null : result.error);
        });
      }}
    >
      <div className="min-w-48 flex-1">
        <TextField id="passkey-name" name="name" label={t('passkeys.nameLabel')} defaultValue={suggestedName} required maxLength={60} errors={error ? [error] : undefined} />
      </div>
      <button type="submit" disabled={isPending} className={`${button.primary} mb-5`}>
        {isPending ? t('passkey.waiting') : t('passkeys.add')}
      </button>
    </form>
  );
}
