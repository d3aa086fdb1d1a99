import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { viewShare } from '@/lib/shares/access';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LocalTime } from '@/components/ui/local-time';
import { UnlockForm } from '@/components/ui/unlock-form';
import { unlockShare } from '@/app/s/[token]/actions';
import { SharedFilesSection } from '@/components/share-page/shared-files-section';

// Link previewers must not index or cache a private share.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recipient.page');
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

// The full date in the reader's language, in UTC beside the local time (lib/mail/layout.ts's formatExpiry, per locale).
const EXPIRY = { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' } as const;

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** ?q=: a search inside the share (the search form without script). */
const Search = z.object({ q: z.string().max(200).catch('') }).catch({ q: '' });

export default async function SharePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { q: search = '' } = Search.parse(await searchParams);
  const requestHeaders = await headers();
  const view = await viewShare(token, {
    cookies: await cookies(),
    userAgent: requestHeaders.get('user-agent'),
    isPrefetch: /prefetch|prerender/i.test(requestHeaders.get('sec-purpose') ?? requestHeaders.get('purpose') ?? ''),
  });
  // Unknown, expired, revoked and used-up links all answer 404 with one page: no URL, no hint of what existed.
  if (view.gate === 'unknown' || view.gate === 'expired' || view.gate === 'revoked' || view.gate === 'used-up') notFound();
  const [t, format] = await Promise.all([getTranslations('recipient.page'), getFormatter()]);

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-lg font-semibold wrap-anywhere">{t('heading', { sharedBy: view.sharedBy ?? '' })}</h1>
        {view.gate === 'not-yet' && view.availableFrom && (
          <p className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status">
            {t.rich('notYet', { time: () => <LocalTime iso={view.availableFrom!.toISOString()} /> })}
          </p>
        )}
        {view.gate === 'locked' && <UnlockForm action={unlockShare.bind(null, token)} prompt={t('passwordPrompt')} />}
        {view.gate === 'open' && (
          <>
            {view.message && <blockquote className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm whitespace-pre-wrap">{view.message}</blockquote>}
            {/* In the same response, not streamed behind a Suspense boundary: a streamed part needs
                script to be shown, and the page must work without it. Its first page is small. */}
            <SharedFilesSection token={token} search={search} />
            {view.downloadsLeft !== null && view.downloadsLeft !== undefined && <p className="mt-4 text-xs text-zinc-500">{t('downloadsLeft', { count: view.downloadsLeft })}</p>}
          </>
        )}
        {view.expiresAt && (
          <p className="mt-6 text-xs text-zinc-500">
            {t.rich('availableUntil', { time: () => <LocalTime iso={view.expiresAt!.toISOString()} />, expiry: format.dateTime(view.expiresAt, EXPIRY) })}
          </p>
        )}
      </div>
    </main>
  );
}
