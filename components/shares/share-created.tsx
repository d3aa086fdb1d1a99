'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { LinkField } from '@/components/ui/link-field';
import { LocalTime } from '@/components/ui/local-time';
import { button } from '@/components/ui/styles';

/** url is null when this dialog's submission had already made the share (another tab, a retry). */
export type CreatedShare = { id: string; url: string | null; expiresAt: string; recipients: string[] };

type Props = { created: CreatedShare; what: string; onClose: () => void };

/** What the share dialog shows once its submission has made a share. */
export function ShareCreated({ created, what, onClose }: Props) {
  const result = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: hand it to the new link (selected, ready to copy), or to the
  // notice when there is no link to show, so it never falls to the page behind the dialog.
  useEffect(() => {
    const target = result.current?.querySelector<HTMLElement>('input') ?? result.current;
    target?.focus();
  }, []);
  const emailed = created.recipients.length > 0 && (
    <p className="text-sm text-zinc-600">
      Each of {created.recipients.join(', ')} gets a link of their own by email, once. Follow them on the Shares page.
    </p>
  );
  return (
    <div ref={result} tabIndex={-1} className="space-y-4 focus:outline-none">
      {created.url ? (
        <>
          <p className="text-sm text-zinc-700">
            Anyone with this link can open {what} until <LocalTime iso={created.expiresAt} />. Copy it now: for your safety only a
            fingerprint of it is kept.
          </p>
          <LinkField id="share-created-link" label="Share link" url={created.url} testId="share-link" />
        </>
      ) : (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This form had already created the share (it was sent twice), so nothing new was made and no email was sent again. Its
          link was shown where it was first sent and cannot be shown again: only a fingerprint of it is kept.{' '}
          <Link href={`/shares/${created.id}`} className="font-medium underline">
            Open the share’s page
          </Link>{' '}
          to follow it, add people or revoke it.
        </p>
      )}
      {emailed}
      <div className="flex justify-end">
        <button type="button" onClick={onClose} className={button.primary}>
          Done
        </button>
      </div>
    </div>
  );
}
