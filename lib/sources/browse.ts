import 'server-only';
import { UserError } from '@/lib/actions/user-error';
import type { MountUser } from '@/lib/sources/keys';
import { keyIn, mountFor } from '@/lib/sources/mounts';
import { listSource, type SourceListing } from '@/lib/sources/list';

/** One folder of the path shown in the breadcrumb: its name and its own path (ending in "/"). */
export type SourceCrumb = { name: string; path: string };

/** What the page of one folder of a source shows: the source, where in it, and one page of the listing. */
export type SourceFolderPage = { id: string; name: string; writable: boolean; path: string; crumbs: SourceCrumb[]; listing: SourceListing };

/**
 * One page of a folder of a source mounted for `user`: '' is the top of the mount, any other
 * path ends in "/" and passes keyIn (nothing outside the mount is ever listed). `after` is the
 * store's continuation token; a token the store refuses (crafted, or stale) reads as "this page
 * link no longer works", not as a problem with the source.
 */
export async function browseSource(user: MountUser, sourceId: string, path: string, after: string | null): Promise<SourceFolderPage> {
  const mount = await mountFor(user, sourceId);
  if (path !== '' && !path.endsWith('/')) throw new UserError('sources.errors.notAFolder');
  if (path !== '') keyIn(mount, path);
  const listing = await listSource(mount, path, after).catch((error: unknown) => {
    if (after !== null && error instanceof UserError && error.key === 'sources.errors.storeRefused') throw new UserError('sources.errors.pageGone');
    throw error;
  });
  return { id: mount.id, name: mount.name, writable: mount.writable, path, crumbs: crumbsOf(path), listing };
}

function crumbsOf(path: string): SourceCrumb[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((name, index) => ({ name, path: `${parts.slice(0, index + 1).join('/')}/` }));
}
