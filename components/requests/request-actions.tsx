'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { closeRequest, newRequestLink } from '@/app/(app)/requests/actions';
import { LinkField } from '@/components/ui/link-field';
import { button } from '@/components/ui/styles';

/** Close an open request at once, or replace a lost link (the old one stops working). */
export function RequestActions({ requestId, title }: { requestId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [doing, setDoing] = useState<'close' | 'replace'>('close');
  const t = useTranslations('requests.actions');

  function close() {
    if (!window.confirm(t('confirmClose', { title }))) return;
    setDoing('close');
    startTransition(async () => {
      const result = await closeRequest({ requestId });
      setError(result.ok ? null : result.error);
    });
  }
  function replace() {
    if (!window.confirm(t('confirmNewLink'))) return;
    setDoing('replace');
    startTransition(async () => {
      const result = await newRequestLink({ requestId });
      setError(result.ok ? null : result.error);
      setLink(result.ok ? result.data.url : null);
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={replace} disabled={isPending} className={button.secondary}>
        {isPending && doing === 'replace' ? t('makingLink') : t('newLink')}
      </button>
      <button type="button" onClick={close} disabled={isPending} className={button.secondary}>
        {isPending && doing === 'close' ? t('closing') : t('close')}
      </button>
      {link && <LinkField id={`link-${requestId}`} label={t('newLinkLabel')} url={link} testId="request-link" />}
      <span aria-live="polite" className="text-sm text-red-600">
        {error}
      </span>
    </div>
  );
}
