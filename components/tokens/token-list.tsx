'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { revokeApiToken } from '@/app/(app)/settings/tokens/actions';
import type { Scope } from '@/lib/api/scopes';
import { LocalTime } from '@/components/ui/local-time';
import { button } from '@/components/ui/styles';

export type TokenRow = {
  id: string;
  name: string;
  scopes: Scope[];
  status: 'active' | 'expired' | 'revoked';
  expiresAt: string;
  createdAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

const STATUS_STYLE: Record<TokenRow['status'], string> = {
  active: 'bg-green-50 text-green-800',
  expired: 'bg-zinc-100 text-zinc-700',
  revoked: 'bg-red-50 text-red-800',
};

/** The user's tokens, newest first, each with what it may do, when it was used and a Revoke button. */
export function TokenList({ tokens }: { tokens: TokenRow[] }) {
  return (
    <ul className="divide-y divide-zinc-200" data-testid="token-list">
      {tokens.map((token) => (
        <TokenItem key={token.id} token={token} />
      ))}
    </ul>
  );
}

function TokenItem({ token }: { token: TokenRow }) {
  const t = useTranslations('settings.tokens');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function revoke() {
    if (!window.confirm(t('confirmRevoke', { name: token.name }))) return;
    startTransition(async () => {
      const result = await revokeApiToken({ tokenId: token.id });
      setError(result.ok ? null : result.error);
    });
  }
  const lastUsedAt = token.lastUsedAt;
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0" aria-label={t('rowLabel', { name: token.name })} data-testid="token-row">
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 font-medium break-words">{token.name}</p>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[token.status]}`} data-testid="token-status">
          {t(`status.${token.status}`)}
        </span>
        {token.status === 'active' && (
          <button type="button" onClick={revoke} disabled={isPending} className={button.secondary}>
            {isPending ? t('revoking') : t('revoke')}
          </button>
        )}
      </div>
      <ul aria-label={t('scopesLabel')} className="flex flex-wrap gap-1">
        {token.scopes.map((scope) => (
          <li key={scope} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
            {scope}
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-zinc-600">{t('expires')}</dt>
        <dd>
          <LocalTime iso={token.expiresAt} withTime={false} />
        </dd>
        <dt className="text-zinc-600">{t('created')}</dt>
        <dd>
          <LocalTime iso={token.createdAt} withTime={false} />
        </dd>
        <dt className="text-zinc-600">{t('lastUsed')}</dt>
        <dd className="min-w-0 break-words" data-testid="token-last-used">
          {lastUsedAt ? (
            <>
              <LocalTime iso={lastUsedAt} /> {token.lastUsedIp && t('usedFrom', { ip: token.lastUsedIp })}
            </>
          ) : (
            t('neverUsed')
          )}
        </dd>
      </dl>
      <p aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </li>
  );
}
