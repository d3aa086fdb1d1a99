// On SQLite, search reads the FTS5 table "FileSearch", whose rows stand for File rows by rowid. A
// restored backup (VACUUM renumbers File's rowids) or a migration can leave it behind; the check
// the server runs at start finds that and rebuilds it, and search finds the files again.
// (PostgreSQL searches an index of File itself: nothing there can fall out of step.)
import { afterAll, expect, test, vi } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { listFiles } from '@/lib/files/list';
import { repairSearchIndex } from '@/lib/files/search-index';

const db = connect();
afterAll(() => db.$disconnect());
const isPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

const found = async (ownerId: string, query: string) => (await listFiles({ ownerId, folderId: null, query, sort: null, dir: 'asc', after: null })).files.map((f) => f.name).sort();

test.runIf(!isPostgres)('a search index left behind by renumbered rows, lost rows and stray rows is rebuilt at start, and search finds every file again', async () => {
  const owner = await seedUser(db);
  for (const name of ['alpha report.pdf', 'beta report.pdf', 'gamma report.pdf']) {
    await db.file.create({ data: { ownerId: owner.id, name, size: 10, contentType: 'application/pdf', storageKey: `users/${owner.id}/${name}`, status: 'ready' } });
  }
  const [alpha, beta] = await db.file.findMany({ where: { ownerId: owner.id }, orderBy: { name: 'asc' }, select: { id: true } });
  await repairSearchIndex(); // whatever earlier tests left, so the check below starts in step
  expect(await found(owner.id, 'report')).toEqual(['alpha report.pdf', 'beta report.pdf', 'gamma report.pdf']);

  // Broken by hand: alpha's row renumbered in File as VACUUM may do (its index row keeps the old
  // rowid), beta's index row lost, and a row for a file that does not exist.
  await db.$executeRaw`UPDATE "File" SET "rowid" = (SELECT max("rowid") FROM "File") + 1000 WHERE "id" = ${alpha!.id}`;
  await db.$executeRaw`DELETE FROM "FileSearch" WHERE "fileId" = ${beta!.id}`;
  await db.$executeRaw`INSERT INTO "FileSearch" ("rowid", "searchName", "fileId") VALUES ((SELECT max("rowid") FROM "File") + 2000, 'stray report', 'no-such-file')`;
  expect(await found(owner.id, 'report')).toEqual(['gamma report.pdf']);

  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    expect(await repairSearchIndex()).toBe(true);
    expect(log.mock.calls.map((call) => String(call[0]))).toEqual(['[search] the search index did not match the files (restored from a backup?): rebuilt']);
  } finally {
    log.mockRestore();
  }
  expect(await found(owner.id, 'report')).toEqual(['alpha report.pdf', 'beta report.pdf', 'gamma report.pdf']);
  expect(await db.$queryRaw`SELECT "fileId" FROM "FileSearch" WHERE "fileId" = 'no-such-file'`).toEqual([]);
  // In step now: the next start only checks.
  expect(await repairSearchIndex()).toBe(false);
});
