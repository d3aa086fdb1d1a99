// After `prisma migrate dev --create-only` on SQLite (scripts/new-migration.sh): mends what Prisma
// cannot know about the triggers and the FTS5 table of prisma/sqlite/file-triggers.sql.
// - Prisma takes FTS5's shadow tables for tables no model names and would drop them
//   (prisma/prisma#8106): those statements are removed.
// - A migration that rebuilds "File" or "Usage" drops the triggers first and recreates them after.
// A migration left with nothing to do is removed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const file = process.argv[2];
const read = (path) => readFileSync(new URL(`../prisma/sqlite/${path}`, import.meta.url), 'utf8');
let sql = readFileSync(file, 'utf8').replace(/-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "FileSearch[^"]*";\nPRAGMA foreign_keys=on;\n*/g, '');
if (!sql.replace(/^--.*$/gm, '').trim()) {
  rmSync(dirname(file), { recursive: true });
  console.log(`SQLite: no change (${dirname(file)} removed)`);
  process.exit(0);
}
if (/CREATE TABLE "new_(File|Usage)"/.test(sql)) sql = `${read('drop-file-triggers.sql')}\n${sql}\n${read('file-triggers.sql')}`;
writeFileSync(file, sql);
