import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { folderPath, listFiles, SORTS, type SortDir, type SortKey } from '@/lib/files/list';
import { OwnerUploadPanel } from '@/components/files/owner-upload-panel';
import { FileTable } from '@/components/files/file-table';
import { ScanRefresh } from '@/components/files/scan-refresh';
import { NewFolderButton } from '@/components/files/new-folder-button';
import { SelectionBar } from '@/components/files/selection-bar';
import { field } from '@/components/ui/styles';
import { storageUsage } from '@/lib/files/quota';
import { folderRule } from '@/lib/files/folder-rules';
import { formatBytes } from '@/lib/bytes';
import { mountsOf } from '@/lib/sources/mounts';
import { SourceFolders } from '@/components/sources/source-folders';
import { FolderBreadcrumb } from '@/components/files/folder-breadcrumb';
import { linkTag } from '@/components/ui/link-tag';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('files.page');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function FilesPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const params = await searchParams;
  const folderId = params.folder || null;
  const query = (params.q ?? '').slice(0, 200);
  // No sort asked for: names in order, or in a search the best matches first.
  const sort: SortKey | null = SORTS.includes(params.sort as SortKey) ? (params.sort as SortKey) : null;
  const dir: SortDir = params.dir === 'desc' ? 'desc' : 'asc';
  const crumbs = await folderPath(user.id, folderId);
  if (!crumbs) notFound();
  const [t, format, locale] = await Promise.all([getTranslations('files.page'), getFormatter(), getLocale()]);
  const [list, usage, rule] = await Promise.all([
    listFiles({ ownerId: user.id, folderId, query, sort, dir, after: params.after || null }),
    storageUsage(user.id),
    folderId ? folderRule(user.id, folderId) : null,
  ]);
  // Storage sources are folders at the top of each person's files (on the first page only; not in folders or search results).
  const sources = !folderId && !query && !params.after ? await mountsOf(user) : [];
  const isEmpty = list.folders.length === 0 && list.files.length === 0;
  const base = { folder: folderId ?? undefined, q: query || undefined, sort: sort ?? undefined, dir };

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <FolderBreadcrumb
          label={t('breadcrumb')}
          home={t('myFiles')}
          steps={crumbs.map((crumb) => ({ key: crumb.id, name: crumb.name, href: `/files?folder=${crumb.id}` }))}
          className="basis-full sm:basis-0"
        />
        <form role="search" action="/files" className="flex min-w-0 flex-1 items-center gap-2 sm:flex-none">
          <label htmlFor="q" className="sr-only">
            {t('searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={query} placeholder={t('searchPlaceholder')} className={`${field} sm:w-56`} />
        </form>
        <NewFolderButton parentId={folderId} />
      </div>

      {rule && (
        <p className="mb-3 rounded-lg bg-sky-50 px-4 py-2 text-sm text-sky-900 wrap-anywhere" role="note" data-testid="folder-rule">
          {t('folderRule', { recipients: format.list(rule.recipients), days: rule.days })}
        </p>
      )}
      <OwnerUploadPanel folderId={folderId} maxSize={env().MAX_UPLOAD_SIZE} multipartThreshold={env().MULTIPART_THRESHOLD} concurrency={env().UPLOAD_CONCURRENCY} />
      <p className="-mt-3 mb-4 flex items-center gap-2 text-xs text-zinc-600" data-testid="storage-usage">
        <meter min={0} max={usage.quota} value={usage.used} className="h-1.5 w-32" aria-label={t('storageUsed')} />
        {t('usage', { used: formatBytes(usage.used, locale), quota: formatBytes(usage.quota, locale) })}
      </p>

      {list.isCursorRefused && (
        <p className="mb-3 text-sm text-zinc-600" role="status">
          {t('cursorRefused')}
        </p>
      )}
      {query && (
        <p className="mb-3 text-sm text-zinc-600 wrap-anywhere">
          {t.rich('results', {
            query,
            clear: linkTag(folderId ? `/files?folder=${folderId}` : '/files'),
          })}
        </p>
      )}

      {sources.length > 0 && <SourceFolders sources={sources} />}
      {isEmpty ? (
        // Hidden while the upload panel says files are on their way (data-uploads-busy): they are not "no files".
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center [:root:has([data-uploads-busy])_&]:hidden">
          <h2 className="text-base font-semibold">{query ? t('noMatchTitle') : t('emptyTitle')}</h2>
          <p className="mt-1 text-sm text-zinc-600">{query ? t('noMatchHint') : t('emptyHint')}</p>
        </div>
      ) : (
        <>
          <SelectionBar />
          <FileTable folders={list.folders} files={list.files} sort={sort ?? (query ? null : 'name')} dir={dir} base={base} />
          {list.files.some((file) => file.scan === 'scanning') && <ScanRefresh />}
        </>
      )}

      {(!list.isFirstPage || list.nextCursor) && (
        <nav aria-label={t('pages')} className="mt-4 flex justify-between text-sm">
          {!list.isFirstPage ? (
            <Link href={{ pathname: '/files', query: base }} className="underline">
              {t('firstPage')}
            </Link>
          ) : (
            <span />
          )}
          {list.nextCursor && (
            <Link href={{ pathname: '/files', query: { ...base, after: list.nextCursor } }} className="underline">
              {t('nextPage')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
