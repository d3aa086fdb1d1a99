import 'server-only';
import { UserError } from '@/lib/actions/user-error';
import { env } from '@/lib/env';
import type { MountUser } from '@/lib/sources/keys';
import { atSource, keyIn } from '@/lib/sources/mounts';
import { writableMount } from '@/lib/sources/own-objects';
import { headObject } from '@/lib/storage/s3';
import { presignUpload, type UploadPost } from '@/lib/storage/presign';

/** One POST carries at most 5 GiB (S3's limit); a source upload is never split into parts. */
const MAX_POST_BYTES = 5 * 1024 ** 3;

export type SourceUploadInput = { folder: string; name: string; size: number; contentType: string; replace: boolean };

/**
 * A presigned POST straight into a read-write source, pinned to the exact key (the folder shown
 * plus the file's name, checked by keyIn), size and type. An object already at that key is only
 * replaced when the person said so ("Replace"): otherwise the answer is 'exists'.
 */
export async function prepareSourceUpload(
  user: MountUser,
  sourceId: string,
  input: SourceUploadInput,
): Promise<{ exists: true } | { exists: false; path: string; post: UploadPost }> {
  const mount = await writableMount(user, sourceId);
  if (input.folder !== '' && !input.folder.endsWith('/')) throw new UserError('sources.errors.notAFolder');
  // A name is one part: a "/" in it would put the object in another folder than the one shown.
  if (input.name.includes('/')) throw new UserError('sources.errors.nameHasSlash');
  const max = Math.min(env().MAX_UPLOAD_SIZE, MAX_POST_BYTES);
  if (input.size > max) throw new UserError('files.errors.tooLarge', { name: input.name, size: { bytes: input.size }, max: { bytes: max } });
  const path = `${input.folder}${input.name}`;
  const key = keyIn(mount, path);
  if (!input.replace && (await atSource(mount, () => headObject(key, mount.store)))) return { exists: true };
  const post = await presignUpload(key, input.size, input.contentType, env().UPLOAD_URL_TTL_SECONDS, mount.store);
  return { exists: false, path, post };
}

/** After the browser's POST: the object is there, at the size that was signed for. */
export async function confirmSourceUpload(user: MountUser, sourceId: string, path: string, size: number): Promise<{ path: string }> {
  const mount = await writableMount(user, sourceId);
  const key = keyIn(mount, path);
  const head = await atSource(mount, () => headObject(key, mount.store));
  if (!head || head.size !== size) throw new UserError('sources.errors.uploadMissing', { name: path.split('/').pop()! });
  return { path };
}
