import 'server-only';
import { db, dialect } from '@/lib/db';

// On SQLite, search by name reads the FTS5 table "FileSearch" (lib/files/name-search.ts), which
// triggers keep in step with File (prisma/sqlite/file-triggers.sql): one row per file of the
// app's own, whose rowid is the File row's rowid. Two things can leave it behind without any
// trigger firing: a VACUUM (a backup made with VACUUM INTO, then restored) may renumber File's
// rowids, and a migration that rebuilt File without running the triggers' file again. So the
// server checks it as it starts and rebuilds it when it disagrees. PostgreSQL has nothing to
// check: its trigram index is an index of File itself.

type Counts = { files: number | bigint; indexed: number | bigint; matched: number | bigint };

/**
 * Whether every file of the app's own has its row, with its rowid, id and folded name, and there
 * is no other row. Read from the table's stored copy ("FileSearch_content", FTS5's own table of
 * the rows' columns: c0 searchName, c1 fileId), four times quicker than through the index.
 */
async function isInStep(): Promise<boolean> {
  const [counts] = await db().$queryRaw<Counts[]>`
    SELECT (SELECT count(*) FROM "File" WHERE "sourceId" IS NULL) AS "files",
           (SELECT count(*) FROM "FileSearch_content") AS "indexed",
           (SELECT count(*) FROM "File" f JOIN "FileSearch_content" s ON s."id" = f."rowid" AND s."c1" = f."id" AND s."c0" = f."searchName"
             WHERE f."sourceId" IS NULL) AS "matched"`;
  if (!counts) return false;
  return Number(counts.files) === Number(counts.indexed) && Number(counts.files) === Number(counts.matched);
}

/** Checks the search index against File and rebuilds it, in one transaction, when they disagree. Returns whether it did. */
export async function repairSearchIndex(): Promise<boolean> {
  if (dialect() !== 'sqlite' || (await isInStep())) return false;
  await db().$transaction([
    db().$executeRaw`DELETE FROM "FileSearch"`,
    db().$executeRaw`INSERT INTO "FileSearch" ("rowid", "searchName", "fileId") SELECT "rowid", "searchName", "id" FROM "File" WHERE "sourceId" IS NULL`,
  ]);
  console.log('[search] the search index did not match the files (restored from a backup?): rebuilt');
  return true;
}
