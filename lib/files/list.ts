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

const PAGE_SIZE = 100;
// Folders come on the first page, all of them: people make folders by hand, a few hundred at most.
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
function afterPosition(sort: SortKey, dir: SortDir, position: CursorPosition): Prisma.FileWhereInput {
  const column = sortColumn[sort];
  const value = sortValue[sort](position.value);
  const [from, tiedUpTo] = dir === 'asc' ? (['gte', 'lte'] as const) : (['lte', 'gte'] as const);
  return { [column]: { [from]: value }, NOT: { [column]: value, id: { [tiedUpTo]: position.id } } };
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
type Page = { files: ListedFile[]; next: CursorPosition | null };

/**
 * The query for one page of a folder's ready files, walking the index of its sort from the
 * position on (exported for the test that reads its query plan). The order names the folder
 * first: every row has the same one, but PostgreSQL only walks (owner, folder, sort value, id)
 * in order for "folderId IS NULL" (the top level) when the order says so.
 */
export function folderPageQuery(input: ListInput & { sort: SortKey }, position: CursorPosition | null) {
  const where: Prisma.FileWhereInput = { ownerId: input.ownerId, sourceId: null, status: 'ready', folderId: input.folderId };
  return {
    where: position ? { AND: [where, afterPosition(input.sort, input.dir, position)] } : where,
    orderBy: [{ folderId: input.dir }, { [sortColumn[input.sort]]: input.dir }, { id: input.dir }],
    take: PAGE_SIZE + 1,
    select: FILE_FIELDS,
  } satisfies Prisma.FileFindManyArgs;
}

async function folderPage(input: ListInput & { sort: SortKey }, position: CursorPosition | null): Promise<Page> {
  const rows = await db().file.findMany(folderPageQuery(input, position));
  const files = rows.slice(0, PAGE_SIZE);
  const last = files.at(-1);
  return { files, next: rows.length > PAGE_SIZE && last ? { value: sortText[input.sort](last), id: last.id } : null };
}

/** One page of search hits, in the order asked; the hits' rows loaded by id. */
async function searchPage(input: ListInput, order: SearchOrder, position: CursorPosition | null): Promise<Page> {
  const hits = await searchFiles(input.ownerId, input.query, order, position, PAGE_SIZE + 1);
  const pageHits = hits.slice(0, PAGE_SIZE);
  const rows = await db().file.findMany({ where: { id: { in: pageHits.map((hit) => hit.id) } }, select: FILE_FIELDS });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A hit deleted between the two reads is simply left out.
  const files = pageHits.flatMap((hit) => byId.get(hit.id) ?? []);
  return { files, next: hits.length > PAGE_SIZE ? (pageHits.at(-1)?.position ?? null) : null };
}

async function listFolders(input: ListInput, order: SearchOrder): Promise<FolderRow[]> {
  const select = { id: true, name: true, createdAt: true } as const;
  let folders: { id: string; name: string; createdAt: Date }[];
  if (input.query) {
    const ids = await searchFolders(input.ownerId, input.query, order, MAX_FOLDERS);
    const rows = new Map((await db().folder.findMany({ where: { id: { in: ids } }, select })).map((row) => [row.id, row]));
    folders = ids.flatMap((id) => rows.get(id) ?? []);
  } else {
    folders = await db().folder.findMany({
      where: { ownerId: input.ownerId, sourceId: null, parentId: input.folderId },
      orderBy: [{ sortName: order.sort === 'name' ? order.dir : 'asc' }, { id: 'asc' }],
      select,
      take: MAX_FOLDERS,
    });
  }
  return folders.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() }));
}

/** One page of ready files, paged by key (an opaque cursor, see lib/files/cursor.ts), plus the folders on the first. */
export async function listFiles(given: ListInput): Promise<FileList> {
  const input = { ...given, query: given.query.trim() };
  const order: SearchOrder = { sort: input.sort ?? (input.query ? 'relevance' : 'name'), dir: input.dir };
  const scope = { ownerId: input.ownerId, folderId: input.folderId, query: input.query, sort: order.sort, dir: order.dir };
  const position = input.after ? decodeCursor(scope, input.after) : null;
  const page = input.query || order.sort === 'relevance' ? await searchPage(input, order, position) : await folderPage({ ...input, sort: order.sort }, position);
  return {
    folders: position ? [] : await listFolders(input, order),
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
