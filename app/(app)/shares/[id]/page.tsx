import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { itemLabel, shareDetail, type RecipientDetail, type TimelineEvent } from '@/lib/shares/detail';
import { LocalTime } from '@/components/ui/local-time';
import { RevokeButton } from '@/components/shares/revoke-button';
import { SettingsForm } from '@/components/shares/settings-form';
import { AddRecipientsForm } from '@/components/shares/add-recipients-form';
import { RecipientActions } from '@/components/shares/recipient-actions';
import { UserAgentLabel } from '@/components/shares/user-agent-label';
import { PageSection } from '@/components/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shares.detail');
  return { title: t('title') };
}

type Props = { params: Promise<{ id: string }> };

export default async function ShareDetailPage({ params }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { id } = await params;
  const share = await shareDetail(user.id, id);
  if (!share) notFound();
  const isActive = share.status === 'active';
  const t = await getTranslations('shares');
  const created = () => <LocalTime iso={share.createdAt} />;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/shares" className="text-sm text-zinc-600 hover:underline">
          {t('detail.allShares')}
        </Link>
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <h1 className="min-w-0 basis-full text-lg font-semibold break-words sm:flex-1 sm:basis-0">{share.items.map(itemLabel).join(', ') || t('detail.deletedFiles')}</h1>
          <span className="rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-medium" data-testid="share-status">
            {t(`status.${share.status}`)}
          </span>
          {isActive && <RevokeButton shareId={share.id} />}
        </div>
        <p className="mt-1 text-sm text-zinc-600">
          {share.maxDownloads === null
            ? t.rich('detail.created', { time: created, downloads: share.downloads })
            : t.rich('detail.createdCapped', { time: created, downloads: share.downloads, max: share.maxDownloads })}
        </p>
      </div>

      <PageSection id="settings-heading" heading={t('detail.settings')}>
        <SettingsForm
          share={{
            id: share.id,
            expiresAt: share.expiresAt,
            availableFrom: share.availableFrom,
            maxDownloads: share.maxDownloads,
            hasPassword: share.hasPassword,
            notifyOnFirstDownload: share.notifyOnFirstDownload,
            locale: share.locale,
          }}
          disabled={share.status === 'revoked'}
        />
      </PageSection>

      <PageSection id="recipients-heading" heading={t('detail.recipients')}>
        {share.recipients.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('detail.nobodyEmailed')}</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {share.recipients.map((r) => (
              <RecipientRow key={r.id} recipient={r} canAct={isActive} />
            ))}
          </ul>
        )}
        {isActive && <AddRecipientsForm shareId={share.id} />}
      </PageSection>

      <PageSection id="timeline-heading" heading={t('detail.timeline')}>
        {share.timeline.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('detail.nothingYet')}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {share.timeline.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-2">
                <span className="text-zinc-500">
                  <LocalTime iso={event.at} />
                </span>
                <span className="min-w-0 wrap-anywhere">
                  <TimelineText event={event} />
                </span>
                {event.userAgent && <UserAgentLabel raw={event.userAgent} />}
              </li>
            ))}
          </ol>
        )}
      </PageSection>
    </div>
  );
}

/** "ana@example.com downloaded report.pdf", with who in bold; "a file" once the file is deleted. */
async function TimelineText({ event }: { event: TimelineEvent }) {
  const t = await getTranslations('shares.timeline');
  const values = { who: event.who ?? t('sharedLink'), file: event.file ?? '', strong: (chunks: ReactNode) => <strong>{chunks}</strong> };
  if (event.kind === 'download') return t.rich(event.file === null ? 'downloadGone' : 'download', values);
  if (event.kind === 'preview') return t.rich(event.file === null ? 'previewGone' : 'preview', values);
  return t.rich('open', values);
}

// A stacked row rather than a table row: long addresses wrap, and it fits a phone as it is.
async function RecipientRow({ recipient: r, canAct }: { recipient: RecipientDetail; canAct: boolean }) {
  const t = await getTranslations('shares');
  return (
    <li data-testid="recipient-row" className="flex flex-wrap items-start gap-x-4 gap-y-1 py-3 text-sm">
      <p className="min-w-0 flex-1 font-medium wrap-anywhere">{r.email}</p>
      {canAct && !r.isRevoked && <RecipientActions recipientId={r.id} email={r.email} />}
      <dl className="grid w-full grid-cols-[auto_1fr] gap-x-3 text-zinc-600 sm:flex sm:flex-wrap sm:gap-x-2">
        <dt className="sm:after:content-[':']">{t('detail.delivery')}</dt>
        <dd className="text-zinc-900 sm:mr-4">
          <span data-testid="delivery">{r.isRevoked ? t('detail.revoked') : t(`delivery.${r.delivery ?? 'none'}`)}</span>
          {!r.isRevoked && r.delivery === 'queued' && r.attempts > 0 && <span className="text-zinc-600">{t('detail.retrying')}</span>}
          {!r.isRevoked && r.lastError && r.delivery !== 'sent' && <span className="block text-xs text-red-600 wrap-anywhere">{r.lastError}</span>}
        </dd>
        <dt className="sm:after:content-[':']">{t('detail.firstOpened')}</dt>
        <dd className="text-zinc-900 sm:mr-4">{r.firstOpenedAt ? <LocalTime iso={r.firstOpenedAt} /> : t('detail.notYet')}</dd>
        <dt className="sm:after:content-[':']">{t('detail.downloads')}</dt>
        <dd className="text-zinc-900" data-testid="recipient-downloads">
          {r.downloads}
        </dd>
      </dl>
    </li>
  );
}
