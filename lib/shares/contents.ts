import 'server-only';
import { db } from '@/lib/db';
import { CLEARED, isCleared } from '@/lib/files/scan-status';
import { sortByNames } from '@/lib/names/sort-key';

/** A file as the share holds it now; `path` is its folder inside a shared folder ('' at the top). */
export type SharedFile = {
  id: string;
  name: string;
  size: number;
  contentType: string;
  storageKey: string;
  path: string;
  thumbnailKey: string | null;
  /** A storage source's object (lib/sources/): where it is, and the ETag it was shared with. */
  sourceId: string | null;
  etag: string | null;
};

const fileSelect = { id: true, name: true, size: true, contentType: true, storageKey: true, folderId: true, thumbnailKey: true, sourceId: true, etag: true } as const;

/**
 * The files a share gives access to at this moment: its files, plus everything under its
 * folders (subfolders included), so a shared folder shows what is in it at each visit. Files
 * not (yet) cleared by the virus scan are left out.
 */
export async function shareFiles(shareId: string): Promise<SharedFile[]> {
  const items = await db().shareItem.findMany({
    where: { shareId },
    select: { file: { select: { ...fileSelect, status: true, scanStatus: true } }, folder: { select: { id: true, name: true, ownerId: true } } },
  });
  const files: SharedFile[] = [];
  for (const item of items) {
    if (item.file?.status === 'ready' && isCleared(item.file.scanStatus)) files.push(toShared(item.file, ''));
    if (item.folder) files.push(...(await folderFiles(item.folder.ownerId, item.folder.id, item.folder.name)));
  }
  // Top-level files first (their path is ''), then each folder's, in name order.
  return sortByNames(files, (file) => [file.path, file.name]);
}

async function folderFiles(ownerId: string, rootId: string, rootName: string): Promise<SharedFile[]> {
  const paths = new Map<string, string>([[rootId, rootName]]);
  const queue = [rootId];
  for (let parentId = queue.shift(); parentId; parentId = queue.shift()) {
    const children = await db().folder.findMany({ where: { ownerId, parentId }, select: { id: true, name: true } });
    for (const child of children) {
      paths.set(child.id, `${paths.get(parentId)}/${child.name}`);
      queue.push(child.id);
    }
  }
  const rows = await db().file.findMany({
    where: { ownerId, status: 'ready', folderId: { in: [...paths.keys()] }, ...CLEARED },
    orderBy: { id: 'asc' }, // twins (same folder, same name) keep the order the files list gives them
    select: fileSelect,
  });
  return rows.map((row) => toShared(row, paths.get(row.folderId ?? '') ?? rootName));
}

type FileRow = { id: string; name: string; size: bigint; contentType: string; storageKey: string; thumbnailKey: string | null; sourceId: string | null; etag: string | null };

function toShared(row: FileRow, path: string): SharedFile {
  const { id, name, contentType, storageKey, thumbnailKey, sourceId, etag } = row;
  return { id, name, size: Number(row.size), contentType, storageKey, path, thumbnailKey, sourceId, etag };
}
