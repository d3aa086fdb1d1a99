import 'server-only';
import { db, dialect } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { nameSearchKey } from '@/lib/names/search-key';
import { like, likeLiteral } from '@/lib/names/search-sql';
import type { CursorPosition } from '@/lib/files/cursor';
import type { SortDir, SortKey } from '@/lib/files/list';

// Search by name over the owner's files, served by an index that finds substrings: on SQLite the
// FTS5 trigram table "FileSearch" (kept by triggers, prisma/sqlite/file-triggers.sql), on
// PostgreSQL the trigram index on File.searchName, which serves LIKE '%…%' itself. Names and the
// words searched for are compared folded (lib/names/search-key.ts), so case and accents never
// matter. Only the words are user text, and they only ever travel as bound parameters.

/** How a search orders its hits: best first (see rankOf), or by one of the list's own sorts. */
export type SearchOrder = { sort: SortKey | 'relevance'; dir: SortDir };

/** One hit of a page, with what its cursor needs. */
type SearchHit = { id: string; position: CursorPosition };

/** The words as names are compared: folded, spaces at either end dropped. */
const searchKeyOf = (query: string) => nameSearchKey(query.trim());

// The trigram index needs three characters to look anything up; shorter words read the owner's rows.
const TRIGRAM = 3;
// Characters after which a new word starts in a name ("q3-invoice", "my_invoice", "(invoice)").
const WORD_SEPARATORS = [' ', '-', '_', '.', '(', '['];

/**
 * 0: the whole name is the words; 1: it starts with them; 2: a word in it does; 3: they are
 * somewhere inside. Hits are listed by rank, then in name order.
 */
function rankOf(column: Prisma.Sql, key: string): Prisma.Sql {
  const literal = likeLiteral(key);
  const wordStarts = Prisma.join(
    WORD_SEPARATORS.map((separator) => like(column, `%${likeLiteral(separator)}${literal}%`)),
    ' OR ',
  );
  return Prisma.sql`CASE WHEN ${column} = ${key} THEN 0 WHEN ${like(column, `${literal}%`)} THEN 1 WHEN ${wordStarts} THEN 2 ELSE 3 END`;
}

/** Where the owner's files whose folded names hold the key come from, and the condition they meet. */
function fileHits(key: string): Prisma.Sql {
  const useTrigrams = dialect() === 'sqlite' && Array.from(key).length >= TRIGRAM;
  if (!useTrigrams) return Prisma.sql`FROM "File" f WHERE ${like(Prisma.sql`f."searchName"`, `%${likeLiteral(key)}%`)}`;
  // One FTS5 string: the words as a phrase, matched as a substring, quotes doubled.
  const phrase = `"${key.replace(/"/g, '""')}"`;
  // Joined by rowid, which finds the row at once; its fileId must agree too, so a row of the index
  // left behind by renumbered rowids (a VACUUM; lib/files/search-index.ts rebuilds it at start)
  // can only miss a file, never stand for another.
  return Prisma.sql`FROM "FileSearch" s JOIN "File" f ON f."rowid" = s."rowid" AND f."id" = s."fileId" WHERE s."searchName" MATCH ${phrase}`;
}

/** A sort's value as the cursor carries it (text), the same on both databases. */
function sortValueOf(sort: SortKey): Prisma.Sql {
  if (sort === 'name') return Prisma.sql`f."sortName"`;
  if (sort === 'size') return Prisma.sql`f."size"`;
  if (sort === 'type') return Prisma.sql`f."kind"`;
  // Dates as Date.toISOString() writes them: text that sorts as time does.
  return dialect() === 'postgresql' ? Prisma.sql`to_char(f."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') COLLATE "C"` : Prisma.sql`strftime('%Y-%m-%dT%H:%M:%fZ', f."createdAt")`;
}

const cursorParam = (sort: SortKey, value: string) => (sort === 'size' ? BigInt(value) : value);

/** Hits strictly after the position, in the order's own terms (keyset paging on the hits' columns). */
function afterPosition(order: SearchOrder, position: CursorPosition | null): Prisma.Sql {
  if (!position) return Prisma.empty;
  if (order.sort === 'relevance') {
    const rank = position.rank ?? 0;
    return Prisma.sql`WHERE ("rank" > ${rank} OR ("rank" = ${rank} AND ("sortName" > ${position.value} OR ("sortName" = ${position.value} AND "id" > ${position.id}))))`;
  }
  const value = cursorParam(order.sort, position.value);
  return order.dir === 'asc'
    ? Prisma.sql`WHERE ("sortValue" > ${value} OR ("sortValue" = ${value} AND "id" > ${position.id}))`
    : Prisma.sql`WHERE ("sortValue" < ${value} OR ("sortValue" = ${value} AND "id" < ${position.id}))`;
}

function orderBy(order: SearchOrder): Prisma.Sql {
  if (order.sort === 'relevance') return Prisma.sql`ORDER BY "rank", "sortName", "id"`;
  return order.dir === 'asc' ? Prisma.sql`ORDER BY "sortValue", "id"` : Prisma.sql`ORDER BY "sortValue" DESC, "id" DESC`;
}

type HitRow = { id: string; sortName: string; sortValue: string | number | bigint; rank: number | bigint };

/**
 * The statement for up to `take` of the owner's ready files whose names hold the words, after the
 * position, in the order asked (exported for the test that reads its query plan).
 */
export function fileSearchStatement(ownerId: string, query: string, order: SearchOrder, position: CursorPosition | null, take: number): Prisma.Sql {
  const key = searchKeyOf(query);
  const sortValue = order.sort === 'relevance' ? Prisma.sql`f."sortName"` : sortValueOf(order.sort);
  return Prisma.sql`
    SELECT "id", "sortName", "sortValue", "rank" FROM (
      SELECT f."id", f."sortName", ${sortValue} AS "sortValue", ${rankOf(Prisma.sql`f."searchName"`, key)} AS "rank"
      ${fileHits(key)} AND f."ownerId" = ${ownerId} AND f."sourceId" IS NULL AND f."status" = 'ready'
    ) hit
    ${afterPosition(order, position)}
    ${orderBy(order)}
    LIMIT ${take}`;
}

/** One page of hits (see fileSearchStatement), each with the position a cursor after it carries. */
export async function searchFiles(ownerId: string, query: string, order: SearchOrder, position: CursorPosition | null, take: number): Promise<SearchHit[]> {
  const rows = await db().$queryRaw<HitRow[]>(fileSearchStatement(ownerId, query, order, position, take));
  return rows.map((row) =>
    order.sort === 'relevance'
      ? { id: row.id, position: { value: row.sortName, id: row.id, rank: Number(row.rank) } }
      : { id: row.id, position: { value: String(row.sortValue), id: row.id } },
  );
}

/** The ids of the owner's folders whose names hold the words (few: no index needed), in the order asked. */
export async function searchFolders(ownerId: string, query: string, order: SearchOrder, take: number): Promise<string[]> {
  const key = searchKeyOf(query);
  const column = Prisma.sql`"searchName"`;
  const ordered =
    order.sort === 'relevance'
      ? Prisma.sql`ORDER BY ${rankOf(column, key)}, "sortName", "id"`
      : Prisma.sql`ORDER BY "sortName" ${order.sort === 'name' && order.dir === 'desc' ? Prisma.sql`DESC` : Prisma.empty}, "id"`;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Folder" WHERE "ownerId" = ${ownerId} AND "sourceId" IS NULL AND ${like(column, `%${likeLiteral(key)}%`)}
    ${ordered} LIMIT ${take}`;
  return rows.map((row) => row.id);
}
