import 'server-only';
import { UserError } from '@/lib/actions/user-error';
import { seal, unseal } from '@/lib/seal';
import type { MountUser } from '@/lib/sources/keys';
import { keyIn, mountFor, type Mount } from '@/lib/sources/mounts';
import { listSource, type SourceListing } from '@/lib/sources/list';

// A page of a storage source's folder for scripts (the HTTP API and the CLI), with a cursor that
// cannot be forged or carried to another listing. Every path goes through mountFor and keyIn.

const CURSOR_PURPOSE = 'source-cursor';

// The store's continuation token travels sealed, bound to the mount and folder it was made for:
// a token from another listing, another person or a hand-made one is refused before it reaches
// the bucket (a store answers a garbage token with an error of its own, or a page of its choice).
function sealCursor(mount: Mount, prefix: string, token: string): string {
  return seal(JSON.stringify([mount.id, prefix, token]), CURSOR_PURPOSE);
}

function openCursor(mount: Mount, prefix: string, cursor: string): string {
  const opened = unseal(cursor, CURSOR_PURPOSE);
  const [sourceId, madeFor, token] = (opened ? JSON.parse(opened) : []) as [string?, string?, string?];
  if (sourceId !== mount.id || madeFor !== prefix || !token) throw new UserError('sources.errors.cursorRefused');
  return token;
}

/**
 * One page of a folder of a source mounted for `user` ('' for its top, else its path, with or
 * without the final "/"), live from the bucket; `next` is an opaque cursor for the page after it.
 */
export async function sourcePage(user: MountUser, sourceId: string, path: string, after: string | null, pageSize: number): Promise<SourceListing> {
  const mount = await mountFor(user, sourceId);
  const folder = path === '' || path.endsWith('/') ? path : `${path}/`;
  const prefix = folder === '' ? mount.prefix : keyIn(mount, folder);
  const token = after === null ? null : openCursor(mount, prefix, after);
  const page = await listSource(mount, folder, token, pageSize);
  return { ...page, next: page.next && sealCursor(mount, prefix, page.next) };
}
