import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { UserError } from '@/lib/actions/user-error';
import { sortByNames } from '@/lib/names/sort-key';
import { nameHolds } from '@/lib/names/search-sql';
import { previewKind } from '@/lib/files/preview-kind';
import { withThumbnailUrls } from '@/lib/files/thumbnail';

// The share page lists a share a page at a time, in the order lib/shares/contents.ts gives
// (the share's own files first, then each folder by its path; names in sort-key order), so a
// share of 10,000 files costs what a share of 50 does. Each group of files is one index walk:
// File (ownerId, folderId, sortName, id), paged by key.

/** Entries on each page of a share's list. */
export const SHARE_PAGE_SIZE = 50;

/** A file as a recipient's list shows it: no storage key, a thumbnail's short-lived URL. */
export type ListedFile = { id: string; name: string; size: number; path: string; thumbnailUrl: string | null; canPreview: boolean };

/** The whole share (files, bytes, whether every file has a thumbnail) and how many match the search. */
export type ShareSummary = { count: number; totalBytes: number; isPictures: boolean; matches: number };

export type ShareFilesPage = { files: ListedFile[]; next: string | null };

/** `search`: words to find in names ('' for all); `after`: the `next` of the page before (null: the first). */
export type ShareListQuery = { search: string; after: string | null; canPreview: boolean };

/** The share's own files (folderId null, path '') or one folder under a shared folder, with its path. */
type Group = { ownerId: string; folderId: string | null; path: string };

const READY_AND_CLEARED = Prisma.sql`f."status" = 'ready' AND (f."scanStatus" IS NULL OR f."scanStatus" = 'clean')`;

/** The groups of a share's files in list order: its own files, then every folder under its folders by path. */
export async function shareGroups(shareId: string): Promise<Group[]> {
  const items = await db().shareItem.findMany({ where: { shareId }, select: { fileId: true, folder: { select: { id: true, name: true, ownerId: true } } } });
  const groups: Group[] = items.some((item) => item.fileId) ? [{ ownerId: '', folderId: null, path: '' }] : [];
  for (const item of items) if (item.folder) groups.push(...(await folderTree(item.folder)));
  // A folder shared on its own and inside another shared folder is listed once, at its first place.
  const seen = new Set<string | null>();
  return sortByNames(groups, (group) => [group.path]).filter((group) => !seen.has(group.folderId) && seen.add(group.folderId));
}

/** A shared folder and every folder under it, in one recursive query. */
async function folderTree(root: { id: string; name: string; ownerId: string }): Promise<Group[]> {
  const rows = await db().$queryRaw<{ id: string; parentId: string | null; name: string }[]>`
    WITH RECURSIVE "tree" ("id", "parentId", "name") AS (
      SELECT "id", "parentId", "name" FROM "Folder" WHERE "id" = ${root.id}
      UNION ALL
      SELECT c."id", c."parentId", c."name" FROM "Folder" c JOIN "tree" t ON c."parentId" = t."id" WHERE c."ownerId" = ${root.ownerId}
    )
    SELECT "id", "parentId", "name" FROM "tree"`;
  const paths = new Map<string, string>([[root.id, root.name]]);
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parentId);
    if (siblings) siblings.push(row);
    else children.set(row.parentId, [row]);
  }
  const queue = [root.id];
  for (let parentId = queue.shift(); parentId; parentId = queue.shift()) {
    for (const child of children.get(parentId) ?? []) {
      paths.set(child.id, `${paths.get(parentId)}/${child.name}`);
      queue.push(child.id);
    }
  }
  return [...paths].map(([folderId, path]) => ({ ownerId: root.ownerId, folderId, path }));
}

/** What a search finds: the folded words anywhere in the folded name, wildcards taken literally. */
const matching = (search: string) => nameHolds(Prisma.sql`f."searchName"`, search);

type CountRow = { count: number | bigint; bytes: number | bigint | string | null; thumbnails: number | bigint; matches: number | bigint | string | null };

/** Counts and sizes for the whole share in one aggregate query, without reading its rows out. */
export async function shareSummary(shareId: string, groups: Group[], search: string): Promise<ShareSummary> {
  const folders = groups.filter((group) => group.folderId !== null);
  const owners = [...new Set(folders.map((group) => group.ownerId))];
  const columns = Prisma.sql`COUNT(*) AS "count", SUM(f."size") AS "bytes", COUNT(f."thumbnailKey") AS "thumbnails",
    SUM(CASE WHEN ${matching(search)} THEN 1 ELSE 0 END) AS "matches"`;
  const parts = [
    Prisma.sql`SELECT ${columns} FROM "ShareItem" i JOIN "File" f ON f."id" = i."fileId" WHERE i."shareId" = ${shareId} AND ${READY_AND_CLEARED}`,
    ...(folders.length === 0
      ? []
      : [
          Prisma.sql`SELECT ${columns} FROM "File" f WHERE f."ownerId" IN (${Prisma.join(owners)})
            AND f."folderId" IN (${Prisma.join(folders.map((group) => group.folderId))}) AND ${READY_AND_CLEARED}`,
        ]),
  ];
  const rows = await db().$queryRaw<CountRow[]>`SELECT SUM("count") AS "count", SUM("bytes") AS "bytes", SUM("thumbnails") AS "thumbnails", SUM("matches") AS "matches"
    FROM (${Prisma.join(parts, ' UNION ALL ')}) AS "groups"`;
  const row = rows[0];
  const count = Number(row?.count ?? 0);
  return { count, totalBytes: Number(row?.bytes ?? 0), isPictures: count > 1 && Number(row?.thumbnails) === count, matches: Number(row?.matches ?? 0) };
}

/** Where a page ends: the group's place and folder, then the last file's sort key and id. */
const Cursor = z.tuple([z.number().int().min(0), z.string().nullable(), z.string(), z.string()]);
type Cursor = z.infer<typeof Cursor>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(after: string): Cursor {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(after, 'base64url').toString()));
  } catch {
    throw new UserError('recipient.list.badCursor');
  }
}

type FileRow = { id: string; name: string; size: number | bigint; contentType: string; thumbnailKey: string | null; sortName: string };

/** Up to `limit` files of one group after a key, in name order. */
function groupFiles(shareId: string, group: Group, search: string, after: [string, string] | null, limit: number): Promise<FileRow[]> {
  const afterKey = after ? Prisma.sql`AND (f."sortName" > ${after[0]} OR (f."sortName" = ${after[0]} AND f."id" > ${after[1]}))` : Prisma.empty;
  const where = Prisma.sql`${READY_AND_CLEARED} AND ${matching(search)} ${afterKey} ORDER BY f."sortName", f."id" LIMIT ${limit}`;
  const columns = Prisma.sql`f."id", f."name", f."size", f."contentType", f."thumbnailKey", f."sortName"`;
  return group.folderId === null
    ? db().$queryRaw<FileRow[]>`SELECT ${columns} FROM "ShareItem" i JOIN "File" f ON f."id" = i."fileId" WHERE i."shareId" = ${shareId} AND ${where}`
    : db().$queryRaw<FileRow[]>`SELECT ${columns} FROM "File" f WHERE f."ownerId" = ${group.ownerId} AND f."folderId" = ${group.folderId} AND ${where}`;
}

/** The place to start at: the cursor's group (found again by its folder if groups moved), after its last file. */
function startOf(groups: Group[], after: string | null): { index: number; key: [string, string] | null } {
  if (after === null) return { index: 0, key: null };
  const [index, folderId, sortName, id] = decodeCursor(after);
  const found = groups[index]?.folderId === folderId ? index : groups.findIndex((group) => group.folderId === folderId);
  return found === -1 ? { index: groups.length, key: null } : { index: found, key: [sortName, id] };
}

/** One page of the share's files, matching `search`, after the cursor `after`. */
export async function shareFilesPage(shareId: string, groups: Group[], query: ShareListQuery): Promise<ShareFilesPage> {
  const start = startOf(groups, query.after);
  const found: (FileRow & { group: number })[] = [];
  // One row past the page tells whether there is a next one.
  for (let index = start.index; index < groups.length && found.length <= SHARE_PAGE_SIZE; index++) {
    const rows = await groupFiles(shareId, groups[index]!, query.search, index === start.index ? start.key : null, SHARE_PAGE_SIZE + 1 - found.length);
    found.push(...rows.map((row) => ({ ...row, group: index })));
  }
  const page = found.slice(0, SHARE_PAGE_SIZE);
  const last = page.at(-1);
  const next = found.length > SHARE_PAGE_SIZE && last ? encodeCursor([last.group, groups[last.group]!.folderId, last.sortName, last.id]) : null;
  const files = await withThumbnailUrls(
    page.map((row) => ({
      id: row.id,
      name: row.name,
      size: Number(row.size),
      path: groups[row.group]!.path,
      thumbnailKey: row.thumbnailKey,
      canPreview: query.canPreview && previewKind(row.contentType, row.name) !== null,
    })),
  );
  return { files, next };
}
