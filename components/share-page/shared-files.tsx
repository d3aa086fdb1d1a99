'use client';

import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { ListedFile, ShareFilesPage } from '@/lib/shares/share-files';
import { listSharedFiles } from '@/app/s/[token]/list-actions';
import { button, field } from '@/components/ui/styles';
import { SharedFileItem } from '@/components/share-page/shared-file-item';

type Props = {
  token: string;
  firstPage: ShareFilesPage;
  /** The search the first page answers ('' for none) and how many files match it. */
  search: string;
  matches: number;
  total: number;
  isGrid: boolean;
  isSearchable: boolean;
};

/**
 * A share's files a page at a time. The first page comes with the HTML; "Show more" appends the
 * next and moves focus to the first file it added; a search replaces the list. The line above the
 * list says how many are shown and is announced when it changes.
 */
export function SharedFiles({ token, firstPage, search: firstSearch, matches: firstMatches, total, isGrid, isSearchable }: Props) {
  const t = useTranslations('recipient.list');
  const tPage = useTranslations('recipient.page');
  const [files, setFiles] = useState<ListedFile[]>(firstPage.files);
  const [next, setNext] = useState(firstPage.next);
  const [search, setSearch] = useState(firstSearch);
  const [matches, setMatches] = useState(firstMatches);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [focusId, setFocusId] = useState<string | null>(null);
  const focusItem = useRef<HTMLLIElement | null>(null);

  useEffect(() => {
    if (focusId) focusItem.current?.focus();
  }, [focusId]);

  function showMore() {
    startTransition(async () => {
      const result = await listSharedFiles({ token, search, after: next });
      if (!result.ok) return setError(result.error);
      setError(null);
      setFiles((shown) => [...shown, ...result.data.files]);
      setNext(result.data.next);
      setFocusId(result.data.files[0]?.id ?? null);
    });
  }

  // Without script the form is a GET of the page with ?q=, which lists the first page of matches.
  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const words = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    startTransition(async () => {
      const result = await listSharedFiles({ token, search: words, after: null });
      if (!result.ok) return setError(result.error);
      setError(null);
      setFiles(result.data.files);
      setNext(result.data.next);
      setSearch(words);
      setMatches(result.data.summary?.matches ?? 0);
      setFocusId(null);
      window.history.replaceState(null, '', words ? `?q=${encodeURIComponent(words)}` : window.location.pathname);
    });
  }

  const count = search ? matches : total;
  const status =
    search && matches === 0
      ? t('noMatches', { query: search })
      : search
        ? t('shownMatching', { shown: files.length, total: count, query: search })
        : t('shown', { shown: files.length, total: count });
  return (
    <>
      {isSearchable && (
        <form method="get" role="search" onSubmit={find} className="flex gap-2">
          <label htmlFor="share-search" className="sr-only">
            {t('searchLabel')}
          </label>
          <input id="share-search" name="q" type="search" defaultValue={firstSearch} placeholder={t('searchPlaceholder')} className={field} maxLength={200} />
          <button type="submit" className={button.secondary} disabled={isPending}>
            {t('search')}
          </button>
        </form>
      )}
      {/* A list of one page never changes, and the summary above already counts it. */}
      {(isSearchable || firstSearch) && (
        <p role="status" className="text-sm text-zinc-600" data-testid="share-list-status">
          {status}
        </p>
      )}
      {files.length > 0 && (
        <ul className={isGrid ? 'grid grid-cols-2 gap-3' : 'divide-y divide-zinc-100'} aria-label={tPage('filesLabel')} data-layout={isGrid ? 'grid' : 'list'}>
          {files.map((file) => (
            <SharedFileItem
              key={`${file.path}/${file.id}`}
              token={token}
              file={file}
              isGrid={isGrid}
              focusRef={file.id === focusId ? (item) => void (focusItem.current = item) : undefined}
            />
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {next && (
        <button type="button" onClick={showMore} disabled={isPending} className={`w-full ${button.secondary}`}>
          {isPending ? t('loading') : t('more')}
        </button>
      )}
    </>
  );
}
