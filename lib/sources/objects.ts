import 'server-only';
import { db, isUniqueViolation } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { headObject } from '@/lib/storage/s3';
import { fileKind } from '@/lib/files/kind';
import { atSource, keyIn, mountFor, type Mount } from '@/lib/sources/mounts';
import type { MountUser } from '@/lib/sources/keys';
import { sourceStore } from '@/lib/sources/store';

const OCTET_STREAM = 'application/octet-stream';

/**
 * The file row that stands for a source object as it is now (its key and ETag), made the first
 * time it is shared, previewed or linked: everything that works on an uploaded file (shares,
 * per-recipient links, caps, previews, zip, direct links) then works on it, by reference to the
 * bucket and key. The bytes are never copied. Returns the row's id.
 */
export async function sourceFile(user: MountUser, sourceId: string, path: string): Promise<string> {
  const mount = await mountFor(user, sourceId);
  return fileFor(user.id, mount, path);
}

export async function fileFor(ownerId: string, mount: Mount, path: string, folderId: string | null = null): Promise<string> {
  if (path.endsWith('/')) throw new UserError('sources.errors.key.empty');
  const key = keyIn(mount, path);
  const name = path.split('/').pop()!;
  const head = await atSource(mount, () => headObject(key, mount.store));
  if (!head) throw new UserError('sources.errors.objectGone', { name });
  const etag = head.etag ?? '';
  const where = { ownerId, sourceId: mount.id, storageKey: key, etag };
  const existing = await db().file.findFirst({ where, select: { id: true } });
  if (existing) return existing.id;
  const contentType = head.contentType || OCTET_STREAM;
  try {
    const created = await db().file.create({
      data: { ...where, folderId, name, size: head.size, contentType, kind: fileKind(contentType, name), status: 'ready' },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    // The same object, made at the same moment by another request: that row is the answer.
    if (!isUniqueViolation(error)) throw error;
    return (await db().file.findFirstOrThrow({ where, select: { id: true } })).id;
  }
}

/**
 * Whether a shared source object is still the one that was shared: there, with the same ETag.
 * The rule for objects deleted or replaced outside Handoff: their shares say "removed".
 * Throws when the store cannot answer (the caller says "unavailable", and counts nothing).
 */
export async function isStillThere(file: { sourceId: string; storageKey: string; etag: string | null }, store: Mount['store']): Promise<boolean> {
  const head = await headObject(file.storageKey, store);
  return head !== null && (head.etag ?? '') === (file.etag ?? '');
}

const CHECKS_AT_ONCE = 16;

/**
 * The files of a download that can still be served: every app file, and each source object
 * still there with the ETag it was shared with. 'unavailable' when a source's store cannot answer.
 */
export async function presentFiles<T extends { sourceId: string | null; storageKey: string; etag: string | null }>(files: T[]): Promise<T[] | 'unavailable'> {
  if (!files.some((file) => file.sourceId)) return files;
  const kept = new Array<boolean>(files.length).fill(true);
  try {
    for (let start = 0; start < files.length; start += CHECKS_AT_ONCE) {
      await Promise.all(
        files.slice(start, start + CHECKS_AT_ONCE).map(async (file, i) => {
          if (file.sourceId) kept[start + i] = await isStillThere(file as T & { sourceId: string }, await sourceStore(file.sourceId));
        }),
      );
    }
  } catch (error) {
    console.warn(`[sources] a shared object could not be checked: ${error instanceof Error ? error.name : 'error'}`);
    return 'unavailable';
  }
  return files.filter((_, i) => kept[i]);
}

/**
 * Refuses when any of a person's source objects or folders is no longer inside what is mounted
 * for them (an admin narrowed the source, moved it to someone else, or removed it): rows made
 * earlier do not outlive the access they came from. Items of the app's own store pass.
 */
export async function requireStillMounted(ownerId: string, items: { sourceId: string | null; key: string | null }[]): Promise<void> {
  const fromSources = items.filter((item): item is { sourceId: string; key: string | null } => item.sourceId !== null);
  if (fromSources.length === 0) return;
  const user = await db().user.findUniqueOrThrow({ where: { id: ownerId }, select: { id: true, email: true } });
  const mounts = new Map<string, Mount>();
  for (const item of fromSources) {
    if (!mounts.has(item.sourceId)) mounts.set(item.sourceId, await mountFor(user, item.sourceId));
    if (!item.key?.startsWith(mounts.get(item.sourceId)!.prefix)) throw new UserError('sources.errors.sourceGone');
  }
}
