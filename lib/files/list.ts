import 'server-only';
import { db, dialect } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decodeCursor, encodeCursor, type CursorPosition } from '@/lib/files/cursor';
import { scanState, type ScanState } from '@/lib/files/scan-status';
import { withThumbnailUrls } from '@/lib/files/thumbnail';

export const SORTS = ['name', 'date', 'size', 'type'] as const;
export type SortKey = (typeof SORTS)[number];
export type SortDir = 'asc' | 'desc';

/**
 * isFromRequest: the file came in through an upload request; sentBy: who its sender said they were
 * (null when they gave no name). scan: its virus scan, when there is something to say.
 * thumbnailUrl: a short-lived URL of its thumbnail.
 */
export type FileRow = {
  id: string;
  name: string;
  size: number;
  contentType: string;
  createdAt: string;
  isFromRequest: boolean;
  sentBy: string | null;
  scan: ScanState | null;
  thumbnailUrl: string | null;
};
export type FolderRow = { id: string; name: string; createdAt: string };
export type Crumb = { id: string; name: string };

const PAGE_SIZE = 100;

// Names sort by their stored key (lib/names/sort-key.ts): natural order, one value per name.
// Kinds by their stored code (lib/files/kind.ts), so files of one kind stand together whatever
// their MIME types; the groups come in the codes' order, the same in every language.
const sortColumn = { name: 'sortName', date: 'createdAt', size: 'size', type: 'kind' } as const satisfies Record<SortKey, keyof Prisma.FileOrderByWithRelationInput>;

type SortRow = { sortName: string; createdAt: Date; size: bigint; kind: string };
type SortValue = string | Date | bigint;

/** A row's sort value as a cursor carries it (text), and back. */
const sortText: Record<SortKey, (row: SortRow) => string> = {
  name: (row) => row.sortName,
  date: (row) => row.createdAt.toISOString(),
  size: (row) => row.size.toString(),
  type: (row) => row.kind,
};
const sortValue: Record<SortKey, (text: string) => SortValue> = {
  name: (text) => text,
  date: (text) => new Date(text),
  size: (text) => BigInt(text),
  type: (text) => text,
};

/** Rows strictly after the position in this order: a keyset comparison on (sort value, id). */
function afterPosition(sort: SortKey, dir: SortDir, position: CursorPosition): Prisma.FileWhereInput {
  const column = sortColumn[sort];
  const value = sortValue[sort](position.value);
  const beyond = dir === 'asc' ? 'gt' : 'lt';
  return { OR: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: position.id } }] };
}

/** The folder's ancestors, root first; null when the folder is not the owner's. */
export async function folderPath(ownerId: string, folderId: string | null): Promise<Crumb[] | null> {
  const crumbs: Crumb[] = [];
  let next = folderId;
  // Folder depth is what people click through by hand: a short loop of indexed reads.
  while (next && crumbs.length < 64) {
    const folder = await db().folder.findFirst({ where: { id: next, ownerId, sourceId: null }, select: { id: true, name: true, parentId: true } });
    if (!folder) return null;
    crumbs.unshift({ id: folder.id, name: folder.name });
    next = folder.parentId;
  }
  return crumbs;
}

export type ListInput = { ownerId: string; folderId: string | null; query: string; sort: SortKey; dir: SortDir; after: string | null };

export type FileList = {
  folders: FolderRow[];
  files: FileRow[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** A cursor was given but not made for this person's listing (or tampered with): page one instead. */
  isCursorRefused: boolean;
};

/**
 * Names holding the words, in any case: SQLite's LIKE ignores case by itself (ASCII letters);
 * PostgreSQL's needs ILIKE (`mode: 'insensitive'`, which the SQLite client has no type for),
 * served there by a trigram index (prisma/postgresql/migrations).
 */
function nameContains(query: string): Prisma.StringFilter {
  return dialect() === 'postgresql' ? ({ contains: query, mode: 'insensitive' } as Prisma.StringFilter) : { contains: query };
}

/** The owner's ready files whose names hold the words, in every folder. */
export function searchWhere(ownerId: string, query: string): Prisma.FileWhereInput {
  return { ownerId, sourceId: null, status: 'ready', name: nameContains(query) };
}

/** One page of ready files, paged by key (an opaque cursor, see lib/files/cursor.ts), plus the folders. */
export async function listFiles(input: ListInput): Promise<FileList> {
  const query = input.query.trim();
  const scope = { ownerId: input.ownerId, folderId: input.folderId, query, sort: input.sort, dir: input.dir };
  const position = input.after ? decodeCursor(scope, input.after) : null;
  const where: Prisma.FileWhereInput = query ? searchWhere(input.ownerId, query) : { ownerId: input.ownerId, sourceId: null, status: 'ready', folderId: input.folderId };
  const rows = await db().file.findMany({
    where: position ? { AND: [where, afterPosition(input.sort, input.dir, position)] } : where,
    orderBy: [{ [sortColumn[input.sort]]: input.dir }, { id: input.dir }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      name: true,
      sortName: true,
      size: true,
      contentType: true,
      kind: true,
      createdAt: true,
      uploadedBy: true,
      uploadRequestId: true,
      scanStatus: true,
      storageKey: true,
      thumbnailKey: true,
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const folders = position
    ? []
    : await db().folder.findMany({
        where: query ? { ownerId: input.ownerId, sourceId: null, name: nameContains(query) } : { ownerId: input.ownerId, sourceId: null, parentId: input.folderId },
        orderBy: [{ sortName: input.sort === 'name' ? input.dir : 'asc' }, { id: 'asc' }],
        select: { id: true, name: true, createdAt: true },
        take: 1000,
      });
  return {
    folders: folders.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    files: (await withThumbnailUrls(page)).map(({ uploadRequestId, uploadedBy, scanStatus, storageKey, sortName, kind, ...f }) => ({
      ...f,
      size: Number(f.size),
      createdAt: f.createdAt.toISOString(),
      isFromRequest: uploadRequestId !== null,
      sentBy: uploadRequestId === null ? null : uploadedBy,
      scan: scanState({ scanStatus, storageKey }),
    })),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(scope, { value: sortText[input.sort](last), id: last.id }) : null,
    isFirstPage: position === null,
    isCursorRefused: input.after !== null && position === null,
  };
}
