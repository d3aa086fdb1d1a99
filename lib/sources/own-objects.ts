import 'server-only';
import { UserError } from '@/lib/actions/user-error';
import { db } from '@/lib/db';
import type { MountUser } from '@/lib/sources/keys';
import { atSource, keyIn, mountFor, type Mount } from '@/lib/sources/mounts';
import { sourceFile } from '@/lib/sources/objects';
import { createDirectLink } from '@/lib/files/direct-link';
import { previewOwnFile, type Preview } from '@/lib/files/preview';
import { signFileUrl } from '@/lib/storage/download-url';
import { deleteObject, headObject } from '@/lib/storage/s3';

// What the owner does with one object of a source they browse: each turns the object into its
// file row (lib/sources/objects.ts) and hands it to what already works on uploaded files.

/** A bare S3 presigned GET of the object, recorded like any direct link (1 s to 7 days). */
export async function sourceDirectLink(user: MountUser, sourceId: string, path: string, expiresIn: number) {
  return createDirectLink(user.id, await sourceFile(user, sourceId, path), expiresIn);
}

/** The owner's preview of the object: a short-lived inline URL to the source's bucket. */
export async function previewSourceObject(user: MountUser, sourceId: string, path: string): Promise<Preview> {
  return previewOwnFile(user.id, await sourceFile(user, sourceId, path));
}

/** The owner's own download: a short-lived signed URL that saves the object under its name. */
export async function sourceObjectDownload(user: MountUser, sourceId: string, path: string): Promise<{ url: string }> {
  const fileId = await sourceFile(user, sourceId, path);
  const file = await db().file.findUniqueOrThrow({ where: { id: fileId }, select: { storageKey: true, name: true, contentType: true, sourceId: true } });
  return { url: await signFileUrl(file) };
}

/** A source the person may write to, or "read-only". */
export async function writableMount(user: MountUser, sourceId: string): Promise<Mount> {
  const mount = await mountFor(user, sourceId);
  if (!mount.writable) throw new UserError('sources.errors.readOnly');
  return mount;
}

/**
 * Deletes the object from the bucket (read-write sources only). Its file rows stay: the ETag rule
 * (lib/sources/objects.ts presentFiles) already answers "removed" for them, exactly as when the
 * object is deleted outside Handoff, and the shares keep their history and item names.
 */
export async function deleteSourceObject(user: MountUser, sourceId: string, path: string): Promise<void> {
  const mount = await writableMount(user, sourceId);
  const name = path.split('/').pop()!;
  if (path.endsWith('/')) throw new UserError('sources.errors.key.empty');
  const key = keyIn(mount, path);
  if (!(await atSource(mount, () => headObject(key, mount.store)))) throw new UserError('sources.errors.objectGone', { name });
  await atSource(mount, () => deleteObject(key, mount.store));
}
