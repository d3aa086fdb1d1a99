// After `prisma migrate dev --create-only` on SQLite (scripts/new-migration.sh): mends what Prisma
// cannot know about the triggers and the FTS5 table of prisma/sqlite/file-triggers.sql.
// - Prisma takes FTS5's shadow tables for tables no model names and would drop them
//   (prisma/prisma#8106): those statements are removed.
// - A migration that rebuilds "File" or "Usage" drops the triggers first and recreates them after.
// A migration left with nothing to do is removed. Usage: node scripts/fix-sqlite-migration.mjs FILE
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const read = (path) => readFileSync(new URL(`../prisma/sqlite/${path}`, import.meta.url), 'utf8');

/** The SQL without Prisma's drops of the search table's shadow tables. */
export function withoutSearchTableDrops(sql) {
  return sql.replace(/-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "FileSearch[^"]*";\nPRAGMA foreign_keys=on;\n*/g, '');
}

/** The migration mended, or null when nothing is left to do. */
export function mendedMigration(sql) {
  const mended = withoutSearchTableDrops(sql);
  if (!mended.replace(/^--.*$/gm, '').trim()) return null;
  if (!/CREATE TABLE "new_(File|Usage)"/.test(mended)) return mended;
  return `${read('drop-file-triggers.sql')}\n${mended}\n${read('file-triggers.sql')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  const mended = mendedMigration(readFileSync(file, 'utf8'));
  if (mended === null) {
    rmSync(dirname(file), { recursive: true });
    console.log(`SQLite: no change (${dirname(file)} removed)`);
  } else {
    writeFileSync(file, mended);
  }
}
