'use client';

import { useEffect } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import { LinkField } from '@/components/ui/link-field';
import { button } from '@/components/ui/styles';

export type CreatedToken = { token: string; name: string; expiresAt: string };

const TOKEN_FIELD = 'new-token-value';

/**
 * The new token's value, this once: focus goes to it, so a screen reader reads its label (which
 * says it is shown once) and the warning tied to it; a curl line shows how to use it.
 */
export function NewTokenShown({ created, meUrl, onDone }: { created: CreatedToken; meUrl: string; onDone: () => void }) {
  const t = useTranslations('settings.tokens');
  const format = useFormatter();
  useEffect(() => {
    const field = document.getElementById(TOKEN_FIELD);
    field?.setAttribute('aria-describedby', 'new-token-warning');
    field?.focus();
  }, []);
  const curl = `curl -H "Authorization: Bearer ${created.token}" ${meUrl}`;
  return (
    <section aria-labelledby="new-token-created" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="new-token">
      <h3 id="new-token-created" className="font-semibold break-words text-amber-950">
        {t('createdHeading', { name: created.name })}
      </h3>
      <p id="new-token-warning" className="text-sm text-amber-950">
        {t('showOnce', { date: format.dateTime(new Date(created.expiresAt), { dateStyle: 'medium' }) })}
      </p>
      <LinkField id={TOKEN_FIELD} label={t('tokenLabel')} url={created.token} testId="new-token-value" />
      <p className="text-sm text-amber-950">{t('tryIt')}</p>
      <div className="flex w-full items-start gap-2">
        <pre className="min-w-0 flex-1 rounded-md bg-white p-2 font-mono text-xs break-all whitespace-pre-wrap text-zinc-900" data-testid="new-token-curl">
          {curl}
        </pre>
        <CopyButton value={curl} />
      </div>
      <button type="button" onClick={onDone} className={button.secondary}>
        {t('done')}
      </button>
    </section>
  );
}
