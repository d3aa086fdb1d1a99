import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { currentUser } from '@/lib/auth';
import { UserError } from '@/lib/actions/user-error';
import { browseSource, type SourceFolderPage } from '@/lib/sources/browse';
import { SourceTable } from '@/components/sources/source-table';
import { SourceUpload } from '@/components/sources/source-upload';
import { SourceBreadcrumb } from '@/components/sources/source-breadcrumb';
import { SourceSelectionBar } from '@/components/sources/source-selection-bar';
import { sourceHref } from '@/components/sources/source-href';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('files.page');
  return { title: t('title') };
}

type Props = { params: Promise<{ sourceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Lengths only: every path is checked where it becomes a key (lib/sources/mounts.ts keyIn).
const query = z.object({
  sourceId: z.string().min(1).max(64),
  path: z.string().max(1100).default(''),
  after: z.string().min(1).max(2048).optional(),
});

/** One folder of a storage source, live from the bucket: a page of its own (its paging is the store's). */
export default async function SourceFolder({ params, searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const parsed = query.safeParse({ ...(await searchParams), ...(await params) });
  if (!parsed.success) notFound();
  const { sourceId, path, after } = parsed.data;
  let page: SourceFolderPage;
  try {
    page = await browseSource(user, sourceId, path, after ?? null);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // Unknown ids and other people's sources are the same 404: ids tell nothing.
    if (error.key === 'sources.errors.sourceGone') notFound();
    return <Refused message={error.in(await getLocale())} sourceId={sourceId} />;
  }
  const { listing } = page;
  const t = await getTranslations('sources.browse');
  const isEmpty = listing.folders.length === 0 && listing.objects.length === 0;
  return (
    <div>
      <SourceBreadcrumb source={page} />
      {page.writable ? <SourceUpload sourceId={page.id} folder={page.path} /> : <p className="mb-3 text-sm text-zinc-600">{t('readOnlyNote')}</p>}
      <p className="mb-3 text-sm text-zinc-600" role="note">
        {t('keyOrder')} {t('folderNote')}
      </p>
      {isEmpty ? (
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold">{t('empty')}</h2>
          <p className="mt-1 text-sm text-zinc-600">{t('emptyHint')}</p>
        </div>
      ) : (
        <>
          <SourceSelectionBar sourceId={page.id} />
          <SourceTable source={page} folders={listing.folders} objects={listing.objects} />
        </>
      )}
      {(after || listing.next) && (
        <nav aria-label={t('pages')} className="mt-4 flex justify-between text-sm">
          {after ? (
            <Link href={sourceHref(page.id, page.path)} className="underline">
              {t('firstPage')}
            </Link>
          ) : (
            <span />
          )}
          {listing.next && (
            <Link href={sourceHref(page.id, page.path, listing.next)} className="underline">
              {t('nextPage')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** A folder that cannot be shown (bad path, store down or refusing, stale page link): said in words, with a way back. */
async function Refused({ message, sourceId }: { message: string; sourceId: string }) {
  const t = await getTranslations('sources.browse');
  return (
    <div>
      <h1 className="mb-4 text-lg font-semibold">{t('errorTitle')}</h1>
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 wrap-anywhere">
        {message}
      </p>
      <p className="mt-4 flex gap-4 text-sm">
        <Link href={sourceHref(sourceId, '')} className="underline">
          {t('sourceTop')}
        </Link>
        <Link href="/files" className="underline">
          {t('myFiles')}
        </Link>
      </p>
    </div>
  );
}
