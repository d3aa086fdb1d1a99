import 'server-only';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { db, isUniqueViolation } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { pathUnder } from '@/lib/sources/keys';
import { atSource, keyIn, type Mount } from '@/lib/sources/mounts';
import { fileFor } from '@/lib/sources/objects';

/** The most objects one folder share takes in: above this, share smaller folders (or use an arrival rule). */
export const MAX_FOLDER_OBJECTS = 10_000;
const OBJECTS_AT_ONCE = 16;

/**
 * A snapshot of a source folder (a prefix) as the app's own folders: a Folder row for the prefix
 * and each prefix under it (made once, then reused by the unique (owner, source, sourceKey)), and
 * a File row for every object in it now. A folder share of the top row then works as for app
 * folders (lib/shares/contents.ts walks Folder rows by parentId). Objects added later are not in
 * it until the folder is shared again: that is what arrival rules are for. Returns the top row's id.
 */
export async function snapshotFolder(ownerId: string, mount: Mount, folder: string): Promise<string> {
  if (!folder.endsWith('/')) throw new UserError('sources.errors.notAFolder');
  const prefix = keyIn(mount, folder);
  const paths = await objectPaths(mount, prefix);
  // One lookup per prefix, even when several of its objects ask for it at the same moment.
  const folders = new Map<string, Promise<string>>();
  const folderOf = (path: string): Promise<string> => {
    let id = folders.get(path);
    if (!id) {
      const parentPath = path === folder ? null : path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);
      id = (parentPath === null ? Promise.resolve(null) : folderOf(parentPath)).then((parentId) => sourceFolder(ownerId, mount, path, parentId));
      folders.set(path, id);
    }
    return id;
  };
  const topId = await folderOf(folder);
  for (let start = 0; start < paths.length; start += OBJECTS_AT_ONCE) {
    await Promise.all(
      paths.slice(start, start + OBJECTS_AT_ONCE).map(async (path) => {
        const folderId = await folderOf(path.slice(0, path.lastIndexOf('/') + 1));
        const fileId = await fileFor(ownerId, mount, path, folderId);
        // A row made earlier for a share of the object alone has no folder yet: its key says which it is in.
        await db().file.updateMany({ where: { id: fileId, folderId: null }, data: { folderId } });
      }),
    );
  }
  return topId;
}

/** Every object's path under `prefix` (no delimiter: sub-prefixes included), page by page. */
async function objectPaths(mount: Mount, prefix: string): Promise<string[]> {
  const paths: string[] = [];
  let token: string | undefined;
  do {
    const page = await atSource(mount, () => mount.store.client.send(new ListObjectsV2Command({ Bucket: mount.store.bucket, Prefix: prefix, ContinuationToken: token })));
    for (const object of page.Contents ?? []) {
      const path = object.Key ? pathUnder(mount.prefix, object.Key) : null;
      // Folder markers are folders, and keys no path could reach are left out (as in the listing).
      if (path && !path.endsWith('/')) paths.push(path);
    }
    if (paths.length > MAX_FOLDER_OBJECTS) throw new UserError('sources.errors.folderTooLarge', { max: MAX_FOLDER_OBJECTS });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return paths;
}

/**
 * The Folder row standing for one prefix of a source, for this owner: made once, then reused.
 * `parentId` null: the top of this snapshot, which keeps the parent it may have from an earlier,
 * wider one. A row first made as the top of a narrower share gets its parent now, so a share of
 * the wider folder reaches it.
 */
async function sourceFolder(ownerId: string, mount: Mount, path: string, parentId: string | null): Promise<string> {
  const unique = { ownerId_sourceId_sourceKey: { ownerId, sourceId: mount.id, sourceKey: keyIn(mount, path) } };
  const existing = await db().folder.findUnique({ where: unique, select: { id: true, parentId: true } });
  if (existing) {
    if (parentId !== null && existing.parentId !== parentId) await db().folder.update({ where: { id: existing.id }, data: { parentId } });
    return existing.id;
  }
  const name = path.slice(0, -1).split('/').pop()!;
  try {
    const created = await db().folder.create({ data: { ownerId, sourceId: mount.id, sourceKey: keyIn(mount, path), parentId, name }, select: { id: true } });
    return created.id;
  } catch (error) {
    // The same prefix, snapshotted at the same moment by another request: that row is the answer.
    if (!isUniqueViolation(error)) throw error;
    return (await db().folder.findUniqueOrThrow({ where: unique, select: { id: true } })).id;
  }
}
