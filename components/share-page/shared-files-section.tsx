import { cookies } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { listShareFiles } from '@/lib/shares/access';
import { SHARE_PAGE_SIZE } from '@/lib/shares/share-files';
import { formatBytes } from '@/lib/bytes';
import { DownloadAll } from '@/components/share-page/download-all';
import { SharedFiles } from '@/components/share-page/shared-files';

/**
 * The share page's list, streamed after the heading: how many files and bytes the whole share
 * holds (one aggregate query), then its first page; the rest comes on demand.
 */
export async function SharedFilesSection({ token, search }: { token: string; search: string }) {
  const [listing, t, locale] = await Promise.all([listShareFiles(token, { cookies: await cookies() }, { search, after: null }), getTranslations('recipient'), getLocale()]);
  const summary = listing.summary!;
  if (summary.count === 0) return <p className="mt-6 text-sm text-zinc-700">{t('page.empty')}</p>;
  return (
    <div className="mt-6 space-y-4">
      {/* One file's row says its size already. */}
      {summary.count > 1 && (
        <p className="text-sm text-zinc-700" data-testid="share-summary">
          {t('list.summary', { count: summary.count, size: formatBytes(summary.totalBytes, locale) })}
        </p>
      )}
      <SharedFiles
        key={search}
        token={token}
        firstPage={{ files: listing.files, next: listing.next }}
        search={search}
        matches={summary.matches}
        total={summary.count}
        isGrid={summary.isPictures}
        isSearchable={summary.count > SHARE_PAGE_SIZE}
      />
      {summary.count > 1 && <DownloadAll token={token} count={summary.count} totalBytes={summary.totalBytes} />}
    </div>
  );
}
