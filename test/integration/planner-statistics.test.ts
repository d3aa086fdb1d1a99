// On a fresh database holding a large account, once the server's start-up work has run, every
// sort of the files list walks its own index (owner, folder, sort value, id) from where the page
// starts: no sort of all the person's files, on the first page or a deep one, at the top level
// or in a folder. Without statistics the planners guess (PostgreSQL reads the whole account
// through the status index and sorts it; SQLite walks every file by date for a deep page of the
// top level), and PostgreSQL walks the index for "folderId IS NULL" only when the order names it,
// and then, with an ordered index on folderId alone and rows stored a folder at a time, reads the
// whole top level through that index and sorts it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const liveUrl = process.env.DATABASE_URL!;
const isPostgres = /^postgres(ql)?:/.test(liveUrl);
const freshName = `handoff_stats_${randomBytes(4).toString('hex')}`;
const freshUrl = isPostgres
  ? Object.assign(new URL(liveUrl), { pathname: `/${freshName}` }).href
  : `file:${path.join(mkdtempSync(path.join(tmpdir(), 'handoff-stats-')), 'fresh.db')}`;

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: liveUrl });
  await admin.connect();
  await admin.query(sql).finally(() => admin.end());
}

// A database of its own, made by the migrations as a new installation's is, and the app's
// modules loaded against it.
if (isPostgres) await onServer(`CREATE DATABASE ${freshName}`);
execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: freshUrl }, stdio: 'ignore' });
process.env.DATABASE_URL = freshUrl;
const { db } = await import('@/lib/db');
const { Prisma } = await import('@/lib/generated/prisma/client');
const { folderPageQuery, listFiles, SORTS } = await import('@/lib/files/list');
const { decodeCursor } = await import('@/lib/files/cursor');
const { refreshStatistics } = await import('@/lib/db-statistics');
const { repairSearchIndex } = await import('@/lib/files/search-index');
const { fillMissingSortNames } = await import('@/lib/names/fill-sort-names');

afterAll(async () => {
  await db().$disconnect();
  if (isPostgres) await onServer(`DROP DATABASE IF EXISTS ${freshName} WITH (FORCE)`);
});

const FILES = 20_000;
const AT_TOP = 2_000;
const FOLDERS = 100;

/** 20,000 ready files for one person (2,000 at the top level, the rest in 20 folders), 200 for another. */
async function seedAccount(ownerId: string, otherId: string) {
  for (let f = 0; f < FOLDERS; f++) {
    await db()
      .$executeRaw`INSERT INTO "Folder" ("id", "ownerId", "name", "sortName", "searchName") VALUES (${`${ownerId}-d${f}`}, ${ownerId}, ${`Folder ${f}`}, ${`folder ${f}`}, ${`folder ${f}`})`;
  }
  // Stored a folder at a time, as an import writes them (the top level first), with dates in no
  // particular order: the order of the rows on disk follows the folder, not the date or size.
  // Written as Prisma writes dates, one second apart.
  const ago = Prisma.raw(`((g * 7919) % ${FILES + 200})`);
  const createdAt = isPostgres ? Prisma.sql`now() - ${ago} * interval '1 second'` : Prisma.sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-' || ${ago} || ' seconds')`;
  // In batches: each row's usage trigger updates its owner's counter row, and one transaction
  // updating a row 20,000 times keeps every old version of it on PostgreSQL until it ends.
  for (let from = 0; from < FILES + 200; from += 1000) {
    const to = Math.min(from + 999, FILES + 199);
    const series = isPostgres
      ? Prisma.sql`generate_series(${from}::int, ${to}::int) AS s(g)`
      : Prisma.sql`(WITH RECURSIVE s(g) AS (SELECT CAST(${from} AS INTEGER) UNION ALL SELECT g + 1 FROM s WHERE g < ${to}) SELECT g FROM s)`;
    await db().$executeRaw`
      INSERT INTO "File" ("id", "ownerId", "folderId", "name", "sortName", "searchName", "size", "contentType", "kind", "storageKey", "status", "createdAt", "updatedAt")
      SELECT 'f' || g, CASE WHEN g < ${FILES} THEN ${ownerId} ELSE ${otherId} END,
             CASE WHEN g < ${AT_TOP} OR g >= ${FILES} THEN NULL ELSE ${ownerId} || '-d' || ((g - ${Prisma.raw(String(AT_TOP))}) / ${Prisma.raw(String((FILES - AT_TOP) / FOLDERS))}) END,
             'report ' || g || '.pdf', 'report ' || g, 'report ' || g || '.pdf', (g * 7919) % 100000, 'application/pdf',
             CASE g % 4 WHEN 0 THEN 'pdf' WHEN 1 THEN 'image' WHEN 2 THEN 'text' ELSE 'word' END,
             'users/x/f' || g, 'ready', ${createdAt}, ${createdAt}
      FROM ${series}`;
  }
}

/** The plan the app's own connection makes for the statement Prisma sends for this query. */
async function planOf(query: ReturnType<typeof folderPageQuery>): Promise<string> {
  const logged = isPostgres
    ? new (await import('@/lib/generated/prisma-pg/client')).PrismaClient({ adapter: new PrismaPg({ connectionString: freshUrl }), log: [{ emit: 'event', level: 'query' }] })
    : new (await import('@/lib/generated/prisma/client')).PrismaClient({ adapter: new PrismaBetterSqlite3({ url: freshUrl }), log: [{ emit: 'event', level: 'query' }] });
  const sent: { query: string; params: string }[] = [];
  (logged as unknown as { $on: (event: 'query', listener: (event: { query: string; params: string }) => void) => void }).$on('query', (event) => sent.push(event));
  try {
    await (logged as unknown as { file: { findMany: (args: unknown) => Promise<unknown> } }).file.findMany(query);
  } finally {
    await logged.$disconnect();
  }
  const { query: sql, params } = sent.at(-1)!;
  const values = JSON.parse(params) as unknown[];
  if (isPostgres) return (await db().$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...values)).map((row) => row['QUERY PLAN']).join('\n');
  return (await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...values)).map((row) => row.detail).join('\n');
}

test('after start, every sort of a large account’s files walks its own index, on the first page and deep ones, at the top and in a folder', { timeout: 300_000 }, async () => {
  const [owner, other] = [`u${randomBytes(4).toString('hex')}`, `v${randomBytes(4).toString('hex')}`];
  for (const id of [owner, other]) await db().user.create({ data: { id, email: `${id}@handoff.test` } });
  await seedAccount(owner, other);

  // What the server runs at start, under its lease: the fills (nothing to fill here), the search
  // index check, then the statistics.
  await fillMissingSortNames();
  await repairSearchIndex();
  await refreshStatistics('start');

  const column = { name: 'sortName', date: 'createdAt', size: 'size', type: 'kind' } as const;
  const problems: string[] = [];
  for (const folderId of [null, `${owner}-d3`]) {
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const input = { ownerId: owner, folderId, query: '', sort, dir, after: null };
        // A real position three pages in, from the list's own cursor.
        let after: string | null = null;
        for (let page = 0; page < 3; page++) after = (await listFiles({ ...input, after })).nextCursor;
        const position = decodeCursor({ ownerId: owner, folderId, query: '', sort, dir }, after!);
        expect(position).not.toBeNull();
        for (const [which, at] of [
          ['first page', null],
          ['deep page', position],
        ] as const) {
          const plan = await planOf(folderPageQuery({ ...input, sort }, at));
          const index = `File_ownerId_folderId_${column[sort]}_id_idx`;
          const walksIndex = isPostgres
            ? plan.includes(`Index Scan${dir === 'desc' ? ' Backward' : ''} using "${index}"`) && !/\bSort\b/.test(plan)
            : plan.includes(`USING INDEX ${index}`) && !plan.includes('TEMP B-TREE');
          // A deep page starts its walk at the position: a range on the sort's column in the index's condition.
          const startsAtPosition = at === null || (isPostgres ? new RegExp(`Index Cond: .*"?${column[sort]}"? [<>]=`).test(plan) : new RegExp(`${column[sort]}[<>]\\?`).test(plan));
          if (!walksIndex || !startsAtPosition) problems.push(`${folderId ? 'folder' : 'top level'}, ${sort} ${dir}, ${which}:\n${plan}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
