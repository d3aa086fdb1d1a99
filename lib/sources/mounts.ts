import 'server-only';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import type { Store } from '@/lib/storage/store';
import { CONNECTION_FIELDS, storeOf } from '@/lib/sources/store';
import { keyUnder, mountPrefix, type MountUser } from '@/lib/sources/keys';

/** A source as one person has it: its store, and the prefix mounted for them (every key they reach starts with it). */
export type Mount = { id: string; name: string; writable: boolean; prefix: string; store: Store };

const MOUNT_FIELDS = { ...CONNECTION_FIELDS, prefix: true, writable: true } as const;

/** A source as its person sees it: where it is (the bucket, and the prefix mounted for them), never its endpoint or credentials. */
export type MountSummary = { id: string; name: string; writable: boolean; bucket: string; prefix: string };

/** The sources mounted for a person: theirs, and those for everyone (where their placeholder resolves). */
export async function mountsOf(user: MountUser): Promise<MountSummary[]> {
  const sources = await db().storageSource.findMany({
    where: { OR: [{ ownerId: user.id }, { ownerId: null }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, writable: true, bucket: true, prefix: true },
  });
  return sources.flatMap((source) => {
    const prefix = mountPrefix(source.prefix, user);
    return prefix === null ? [] : [{ ...source, prefix }];
  });
}

/**
 * One source as mounted for `user`, or "not available" (the same answer for a source that does
 * not exist and for another person's: ids tell nothing).
 */
export async function mountFor(user: MountUser, sourceId: string): Promise<Mount> {
  const source = await db().storageSource.findFirst({ where: { id: sourceId, OR: [{ ownerId: user.id }, { ownerId: null }] }, select: MOUNT_FIELDS });
  const prefix = source && mountPrefix(source.prefix, user);
  if (!source || prefix === null || prefix === undefined) throw new UserError('sources.errors.sourceGone');
  return { id: source.id, name: source.name, writable: source.writable, prefix, store: storeOf(source) };
}

/** The full key of a path a person sent (a file, or a folder ending in "/"), or a clear refusal. */
export function keyIn(mount: Mount, path: string): string {
  const resolved = keyUnder(mount.prefix, path);
  if ('refused' in resolved) throw new UserError(`sources.errors.key.${resolved.refused}`);
  return resolved.key;
}

/**
 * Runs a call to a source's bucket, turning its failures into errors a person can act on: the
 * store is down, or it refused (credentials, permissions). Anything else is a bug, and is thrown.
 */
export async function atSource<T>(mount: { name: string }, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof S3ServiceException) {
      const status = error.$metadata.httpStatusCode ?? 0;
      if (status >= 500) throw new UserError('sources.errors.storeDown', { source: mount.name });
      throw new UserError('sources.errors.storeRefused', { source: mount.name, code: error.name });
    }
    if (error instanceof Error && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|TimeoutError/i.test(`${error.name} ${error.message}`)) {
      throw new UserError('sources.errors.storeDown', { source: mount.name });
    }
    throw error;
  }
}
