import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { UserError } from '@/lib/actions/user-error';
import { createShare, type CreateShareInput, type CreatedShare } from '@/lib/shares/create';
import { mountFor } from '@/lib/sources/mounts';
import { fileFor } from '@/lib/sources/objects';
import { snapshotFolder } from '@/lib/sources/folders';

/** What of one source a share holds: objects and folders, by their paths in the mount. */
export type SourceItems = { sourceId: string; paths: string[]; folders: string[] };
export type ShareOptions = Omit<CreateShareInput, 'fileIds' | 'folderIds'>;

/**
 * One share of objects and folders of a source, with every option of any share: each object
 * becomes its file row (by reference to bucket, key and ETag), each folder a snapshot of what is
 * in it now (lib/sources/folders.ts), then the share is made as for uploaded files.
 */
export async function shareSourceItems(user: SessionUser, items: SourceItems, options: ShareOptions): Promise<CreatedShare> {
  if (items.paths.length + items.folders.length === 0) throw new UserError('shares.errors.nothingChosen');
  const mount = await mountFor(user, items.sourceId);
  const fileIds: string[] = [];
  for (const path of items.paths) fileIds.push(await fileFor(user.id, mount, path));
  const folderIds: string[] = [];
  for (const folder of items.folders) folderIds.push(await snapshotFolder(user.id, mount, folder));
  return createShare(user, { ...options, fileIds, folderIds });
}
