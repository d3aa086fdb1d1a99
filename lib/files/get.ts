import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { folderPath } from '@/lib/files/list';

/** path: where the file sits, its folders' names and its own joined by "/" ("Reports/2026/q3.pdf"). */
export type FileDetail = { id: string; name: string; size: number; contentType: string; createdAt: Date; folderId: string | null; sourceId: string | null; path: string };
export type FolderDetail = { id: string; name: string; parentId: string | null; createdAt: Date };

/** One of the owner's listed files: uploads still in progress and files being deleted are not listed. */
export async function getFile(ownerId: string, fileId: string): Promise<FileDetail> {
  const file = await db().file.findFirst({
    where: { id: fileId, ownerId, status: 'ready' },
    select: { id: true, name: true, size: true, contentType: true, createdAt: true, folderId: true, sourceId: true },
  });
  if (!file) throw new UserError('files.errors.fileGone');
  const folders = (await folderPath(ownerId, file.folderId)) ?? [];
  return { ...file, size: Number(file.size), path: [...folders.map((folder) => folder.name), file.name].join('/') };
}

export async function getFolder(ownerId: string, folderId: string): Promise<FolderDetail> {
  const folder = await db().folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { id: true, name: true, parentId: true, createdAt: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
  return folder;
}
