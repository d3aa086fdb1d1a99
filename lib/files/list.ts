import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decodeCursor, encodeCursor, type CursorPosition } from '@/lib/files/cursor';
import { scanState, type ScanState } from '@/lib/files/scan-status';
import { withThumbnailUrls } from '@/lib/files/thumbnail';
import { searchFiles, searchFolders, type SearchOrder } from '@/lib/files/name-search';

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

/**
 * Entries a page: a folder's subfolders first, then its files, paged together as S3 pages
 * prefixes with keys, so a page costs the same however many folders sit beside the files.
 */
const PAGE_SIZE = 100;
// In a search, the matching folders come on the first page, the best first: at most this many.
const MAX_FOLDERS = 1000;

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

/**
 * Rows strictly after the position in this order, on (sort value, id). Written as a range on the
 * sort's column less the position's own ties (not as "beyond, or tied and beyond by id"), so the
 * database starts its walk of the sort's index at the position: a deep page costs what the first
 * one does. (An OR there lets SQLite's planner, once it has statistics, split the walk in two
 * and sort what both give.)
 */
function afterPosition(column: string, value: SortValue, dir: SortDir, id: string) {
  const [from, tiedUpTo] = dir === 'asc' ? (['gte', 'lte'] as const) : (['lte', 'gte'] as const);
  return { [column]: { [from]: value }, NOT: { [column]: value, id: { [tiedUpTo]: id } } };
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

/**
 * sort: one of the list's sorts, or null for the list's own order: names in a folder, best match
 * first in a search (lib/files/name-search.ts). A search looks in every folder.
 */
export type ListInput = { ownerId: string; folderId: string | null; query: string; sort: SortKey | null; dir: SortDir; after: string | null };

export type FileList = {
  folders: FolderRow[];
  files: FileRow[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** A cursor was given but not made for this person's listing (or tampered with): page one instead. */
  isCursorRefused: boolean;
};

const FILE_FIELDS = {
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
} as const satisfies Prisma.FileSelect;
type ListedFile = Prisma.FileGetPayload<{ select: typeof FILE_FIELDS }>;
type ListedFolder = { id: string; name: string; createdAt: Date };
type Page = { folders: ListedFolder[]; files: ListedFile[]; next: CursorPosition | null };

/**
 * The query for one page of a folder's ready files, walking the index of its sort from the
 * position on (exported for the test that reads its query plan). The order names the folder
 * first: every row has the same one, but PostgreSQL only walks (owner, folder, sort value, id)
 * in order for "folderId IS NULL" (the top level) when the order says so.
 */
export function folderPageQuery(input: ListInput & { sort: SortKey }, position: CursorPosition | null, take = PAGE_SIZE + 1) {
  const where: Prisma.FileWhereInput = { ownerId: input.ownerId, sourceId: null, status: 'ready', folderId: input.folderId };
  const column = sortColumn[input.sort];
  return {
    where: position ? { AND: [where, afterPosition(column, sortValue[input.sort](position.value), input.dir, position.id)] } : where,
    orderBy: [{ folderId: input.dir }, { [column]: input.dir }, { id: input.dir }],
    take,
    select: FILE_FIELDS,
  } satisfies Prisma.FileFindManyArgs;
}

/** Subfolders by name (the way asked when sorting by name, else A to Z), after a folder position. */
function subfolders(input: ListInput, dir: SortDir, position: CursorPosition | null, take: number) {
  const where: Prisma.FolderWhereInput = { ownerId: input.ownerId, sourceId: null, parentId: input.folderId };
  return db().folder.findMany({
    where: position ? { AND: [where, afterPosition('sortName', position.value, dir, position.id)] } : where,
    orderBy: [{ parentId: dir }, { sortName: dir }, { id: dir }],
    select: { id: true, name: true, createdAt: true, sortName: true },
    take,
  });
}

/**
 * One page of a folder: its subfolders from the position on, then as many of its files as the
 * page has room for. A position in the folders is marked `isFolder`; the page that ends on the
 * last folder points on with that folder's position, so the next one starts with the files.
 */
async function folderPage(input: ListInput & { sort: SortKey }, position: CursorPosition | null): Promise<Page> {
  const inFolders = position === null || position.isFolder === true;
  const folderDir = input.sort === 'name' ? input.dir : 'asc';
  const folderRows = inFolders ? await subfolders(input, folderDir, position, PAGE_SIZE + 1) : [];
  const folders = folderRows.slice(0, PAGE_SIZE);
  const lastFolder = folders.at(-1);
  const folderPosition = lastFolder && { value: lastFolder.sortName, id: lastFolder.id, isFolder: true };
  if (folderRows.length > PAGE_SIZE) return { folders, files: [], next: folderPosition ?? null };
  const room = PAGE_SIZE - folders.length;
  const rows = await db().file.findMany(folderPageQuery(input, inFolders ? null : position, room + 1));
  const files = rows.slice(0, room);
  const lastFile = files.at(-1);
  const hasMore = rows.length > room;
  const next = lastFile ? { value: sortText[input.sort](lastFile), id: lastFile.id } : (folderPosition ?? null);
  return { folders, files, next: hasMore ? next : null };
}

/** One page of search hits, in the order asked; the hits' rows loaded by id. */
async function searchPage(input: ListInput, order: SearchOrder, position: CursorPosition | null): Promise<Page> {
  const hits = await searchFiles(input.ownerId, input.query, order, position, PAGE_SIZE + 1);
  const pageHits = hits.slice(0, PAGE_SIZE);
  const rows = await db().file.findMany({ where: { id: { in: pageHits.map((hit) => hit.id) } }, select: FILE_FIELDS });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A hit deleted between the two reads is simply left out.
  const files = pageHits.flatMap((hit) => byId.get(hit.id) ?? []);
  return { folders: position ? [] : await matchingFolders(input, order), files, next: hits.length > PAGE_SIZE ? (pageHits.at(-1)?.position ?? null) : null };
}

async function matchingFolders(input: ListInput, order: SearchOrder): Promise<ListedFolder[]> {
  const ids = await searchFolders(input.ownerId, input.query, order, MAX_FOLDERS);
  const rows = new Map((await db().folder.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, createdAt: true } })).map((row) => [row.id, row]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/** One page of folders and ready files, paged by key (an opaque cursor, see lib/files/cursor.ts). */
export async function listFiles(given: ListInput): Promise<FileList> {
  const input = { ...given, query: given.query.trim() };
  const order: SearchOrder = { sort: input.sort ?? (input.query ? 'relevance' : 'name'), dir: input.dir };
  const scope = { ownerId: input.ownerId, folderId: input.folderId, query: input.query, sort: order.sort, dir: order.dir };
  const position = input.after ? decodeCursor(scope, input.after) : null;
  const page = input.query || order.sort === 'relevance' ? await searchPage(input, order, position) : await folderPage({ ...input, sort: order.sort }, position);
  return {
    folders: page.folders.map(({ id, name, createdAt }) => ({ id, name, createdAt: createdAt.toISOString() })),
    files: (await withThumbnailUrls(page.files)).map(({ uploadRequestId, uploadedBy, scanStatus, storageKey, sortName, kind, ...f }) => ({
      ...f,
      size: Number(f.size),
      createdAt: f.createdAt.toISOString(),
      isFromRequest: uploadRequestId !== null,
      sentBy: uploadRequestId === null ? null : uploadedBy,
      scan: scanState({ scanStatus, storageKey }),
    })),
    nextCursor: page.next ? encodeCursor(scope, page.next) : null,
    isFirstPage: position === null,
    isCursorRefused: input.after !== null && position === null,
  };
}
