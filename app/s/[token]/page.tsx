import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { viewShare } from '@/lib/shares/access';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { formatBytes } from '@/lib/bytes';
import { LocalTime } from '@/components/ui/local-time';
import { UnlockForm } from '@/components/ui/unlock-form';
import { unlockShare } from '@/app/s/[token]/actions';
import { DownloadAll } from '@/components/share-page/download-all';
import { button } from '@/components/ui/styles';
import { SharePreviewButton } from '@/components/preview/share-preview-button';
import { previewKind } from '@/lib/files/preview-kind';
import { ThumbnailImage } from '@/components/files/thumbnail-image';

// Link previewers must not index or cache a private share.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recipient.page');
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

// The full date in the reader's language, in UTC beside the local time (lib/mail/layout.ts's formatExpiry, per locale).
const EXPIRY = { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' } as const;

type Props = { params: Promise<{ token: string }> };

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const requestHeaders = await headers();
  const view = await viewShare(token, {
    cookies: await cookies(),
    userAgent: requestHeaders.get('user-agent'),
    isPrefetch: /prefetch|prerender/i.test(requestHeaders.get('sec-purpose') ?? requestHeaders.get('purpose') ?? ''),
  });
  // Unknown, expired, revoked and used-up links all answer 404 with one page: no URL, no hint of what existed.
  if (view.gate === 'unknown' || view.gate === 'expired' || view.gate === 'revoked' || view.gate === 'used-up') notFound();
  // Pictures (and videos) only: a grid of their thumbnails; anything else: a list, thumbnails beside.
  const isGrid = (view.files?.length ?? 0) > 1 && view.files?.every((file) => file.thumbnailUrl !== null);
  const [t, format, locale] = await Promise.all([getTranslations('recipient.page'), getFormatter(), getLocale()]);

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
        {view.gate === 'open' && view.files && (
          <>
            {view.message && <blockquote className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm whitespace-pre-wrap">{view.message}</blockquote>}
            {view.files.length === 0 ? (
              <p className="mt-6 text-sm text-zinc-700">{t('empty')}</p>
            ) : (
              <ul className={isGrid ? 'mt-6 grid grid-cols-2 gap-3' : 'mt-6 divide-y divide-zinc-100'} aria-label={t('filesLabel')} data-layout={isGrid ? 'grid' : 'list'}>
                {view.files.map((file) => (
                  <li key={file.id} className={isGrid ? 'flex flex-wrap content-start items-center gap-2' : 'flex items-center gap-4 py-3'}>
                    {file.thumbnailUrl && <ThumbnailImage url={file.thumbnailUrl} className={isGrid ? 'aspect-square w-full' : 'size-12'} />}
                    <div className={isGrid ? 'w-full min-w-0' : 'min-w-0 flex-1'}>
                      <p className="font-medium wrap-anywhere" data-testid="shared-file-name">
                        {file.name}
                      </p>
                      <p className="text-sm text-zinc-600">
                        {file.path && <span>{file.path} · </span>}
                        {formatBytes(file.size, locale)}
                      </p>
                    </div>
                    {/* A capped link offers no previews: they would hand out the bytes without counting a download. */}
                    {view.downloadsLeft === null && previewKind(file.contentType, file.name) && <SharePreviewButton token={token} file={{ id: file.id, name: file.name }} />}
                    {/* A form, not a link: previews, scanners and prefetchers follow links, people press buttons. */}
                    <form method="post" action={`/s/${token}/download?file=${file.id}`}>
                      <button type="submit" className={button.secondary} aria-label={t('downloadLabel', { name: file.name })}>
                        {t('download')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            {view.files.length > 1 && <DownloadAll token={token} count={view.files.length} totalBytes={view.files.reduce((sum, f) => sum + f.size, 0)} />}
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
