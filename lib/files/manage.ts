import 'server-only';
import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { db, lockRow } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { UserError } from '@/lib/actions/user-error';
import { fileKind } from '@/lib/files/kind';
import { bucket, deleteObject, s3 } from '@/lib/storage/s3';

export async function requireFolder(ownerId: string, folderId: string | null): Promise<void> {
  if (!folderId) return;
  const folder = await db().folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { id: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
}

export async function createFolder(ownerId: string, parentId: string | null, name: string) {
  await requireFolder(ownerId, parentId);
  const clash = await db().folder.findFirst({ where: { ownerId, sourceId: null, parentId, name }, select: { id: true } });
  if (clash) throw new UserError('files.errors.folderExists', { name });
  return db().folder.create({ data: { ownerId, parentId, name }, select: { id: true, name: true, parentId: true, createdAt: true } });
}

/** The folder a move puts another into: the owner's, and neither the moving folder nor one inside it. */
async function requireMoveTarget(tx: Prisma.TransactionClient, ownerId: string, folderId: string, name: string, parentId: string | null) {
  for (let next = parentId; next;) {
    if (next === folderId) throw new UserError('files.errors.folderIntoItself', { name });
    const folder = await tx.folder.findFirst({ where: { id: next, ownerId, sourceId: null }, select: { parentId: true } });
    if (!folder) throw new UserError('files.errors.folderGone');
    next = folder.parentId;
  }
}

/**
 * Renames and/or moves one of the owner's folders (parentId null: the top level). Names are
 * unique among a folder's subfolders. The owner's row is held through the checks and the write,
 * so two moves at once cannot make a loop.
 */
export async function updateFolder(ownerId: string, folderId: string, changes: { name?: string; parentId?: string | null }) {
  await db().$transaction(async (tx) => {
    await lockRow(tx, 'User', ownerId);
    const folder = await tx.folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { name: true, parentId: true } });
    if (!folder) throw new UserError('files.errors.folderGone');
    const name = changes.name ?? folder.name;
    const parentId = changes.parentId === undefined ? folder.parentId : changes.parentId;
    if (changes.parentId !== undefined) await requireMoveTarget(tx, ownerId, folderId, name, parentId);
    const clash = await tx.folder.findFirst({ where: { ownerId, sourceId: null, parentId, name, NOT: { id: folderId } }, select: { id: true } });
    if (clash) throw new UserError('files.errors.folderExists', { name });
    await tx.folder.update({ where: { id: folderId }, data: { name, parentId } });
  });
}

export const renameFolder = (ownerId: string, folderId: string, name: string) => updateFolder(ownerId, folderId, { name });

/** Renames and/or moves one of the owner's ready files (folderId null: the top level). Files may share a name. */
export async function updateFile(ownerId: string, fileId: string, changes: { name?: string; folderId?: string | null }) {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId, status: 'ready' }, select: { contentType: true, sourceId: true } });
  if (!file) throw new UserError('files.errors.fileGone');
  if (file.sourceId) throw new UserError('files.errors.inSource');
  if (changes.folderId !== undefined) await requireFolder(ownerId, changes.folderId);
  const data = {
    // A new extension can change the kind of a file whose type says little (application/octet-stream).
    ...(changes.name !== undefined && { name: changes.name, kind: fileKind(file.contentType, changes.name) }),
    ...(changes.folderId !== undefined && { folderId: changes.folderId }),
  };
  const { count } = await db().file.updateMany({ where: { id: fileId, ownerId, sourceId: null, status: 'ready' }, data });
  if (count === 0) throw new UserError('files.errors.fileGone');
}

export const renameFile = (ownerId: string, fileId: string, name: string) => updateFile(ownerId, fileId, { name });

/**
 * The row is marked "deleting" first (every list, share and link skips it), then the object
 * goes, then the row. If the store fails in between, the sweeper finishes the job, so no file is
 * ever listed without its object.
 */
export async function deleteFile(ownerId: string, fileId: string) {
  const file = await db().file.findFirst({ where: { id: fileId, ownerId }, select: { name: true, sourceId: true } });
  if (!file) throw new UserError('files.errors.fileGone');
  if (file.sourceId) throw new UserError('files.errors.inSource');
  // The keys as of the mark: no thumbnail is recorded on a file once it is being deleted.
  const keys = await db().file.update({ where: { id: fileId }, data: { status: 'deleting' }, select: { storageKey: true, thumbnailKey: true } });
  try {
    await finishDelete(fileId, keys);
  } catch (error) {
    console.error('delete', error);
    throw new UserError('files.errors.deletedStoreDown', { name: file.name });
  }
}

/** A file's objects: its own, and its thumbnail when it has one. */
export function objectKeys(file: { storageKey: string; thumbnailKey: string | null }): string[] {
  return file.thumbnailKey ? [file.storageKey, file.thumbnailKey] : [file.storageKey];
}

export async function finishDelete(fileId: string, file: { storageKey: string; thumbnailKey: string | null }) {
  await Promise.all(objectKeys(file).map((key) => deleteObject(key)));
  await db().file.deleteMany({ where: { id: fileId, status: 'deleting' } });
}

async function descendantFolderIds(ownerId: string, rootId: string): Promise<string[]> {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    const children = await db().folder.findMany({ where: { ownerId, sourceId: null, parentId: ids[i] }, select: { id: true } });
    ids.push(...children.map((c) => c.id));
  }
  return ids;
}

export async function deleteFolder(ownerId: string, folderId: string) {
  const folder = await db().folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { id: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
  const folderIds = await descendantFolderIds(ownerId, folderId);
  // As for one file: hidden first, then the objects, then the rows (with the folders, by cascade).
  await db().file.updateMany({ where: { ownerId, sourceId: null, folderId: { in: folderIds } }, data: { status: 'deleting' } });
  const files = await db().file.findMany({ where: { ownerId, sourceId: null, folderId: { in: folderIds } }, select: { storageKey: true, thumbnailKey: true } });
  const keys = files.flatMap(objectKeys);
  try {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const result = await s3().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      if (result.Errors?.length) throw new Error(`could not delete ${result.Errors.length} objects: ${result.Errors[0]?.Code}`);
    }
  } catch (error) {
    console.error('delete folder', error);
    throw new UserError('files.errors.folderDeletedStoreDown');
  }
  await db().folder.delete({ where: { id: folderId } });
}
