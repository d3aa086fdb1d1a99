'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { LinkField } from '@/components/ui/link-field';
import { LocalTime } from '@/components/ui/local-time';
import { DoneButton } from '@/components/ui/dialog-buttons';
import { linkTag } from '@/components/ui/link-tag';

/** url is null when this dialog's submission had already made the share (another tab, a retry). */
export type CreatedShare = { id: string; url: string | null; expiresAt: string; recipients: string[] };

/** What was shared, as the sentence about the link names it: one file with its size, one folder, or a count. */
export type SharedWhat = { kind: 'file'; name: string; size: string } | { kind: 'folder'; name: string } | { kind: 'items'; count: number };

type Props = { created: CreatedShare; what: SharedWhat; onClose: () => void };

/** What the share dialog shows once its submission has made a share. */
export function ShareCreated({ created, what, onClose }: Props) {
  const t = useTranslations('shares.created');
  const result = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: hand it to the new link (selected, ready to copy), or to the
  // notice when there is no link to show, so it never falls to the page behind the dialog.
  useEffect(() => {
    const target = result.current?.querySelector<HTMLElement>('input') ?? result.current;
    target?.focus();
  }, []);
  const emailed = created.recipients.length > 0 && <p className="text-sm text-zinc-600">{t('emailed', { people: created.recipients.join(', ') })}</p>;
  return (
    <div ref={result} tabIndex={-1} className="space-y-4 focus:outline-none">
      {created.url ? (
        <>
          <p className="text-sm text-zinc-700">
            {t.rich('anyoneCanOpen', {
              kind: what.kind,
              name: 'name' in what ? what.name : '',
              size: 'size' in what ? what.size : '',
              count: 'count' in what ? what.count : 0,
              time: () => <LocalTime iso={created.expiresAt} />,
            })}
          </p>
          <LinkField id="share-created-link" label={t('linkLabel')} url={created.url} testId="share-link" />
        </>
      ) : (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t.rich('alreadyMade', {
            link: linkTag(`/shares/${created.id}`, 'font-medium underline'),
          })}
        </p>
      )}
      {emailed}
      <DoneButton onDone={onClose} />
    </div>
  );
}
