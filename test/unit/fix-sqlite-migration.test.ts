// scripts/fix-sqlite-migration.mjs mends each new SQLite migration (npm run db:migration): Prisma
// would drop the search table's shadow tables, and a rebuild of "File" would lose its triggers.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { mendedMigration } from '@/scripts/fix-sqlite-migration.mjs';

const shadowDrop = (table: string) => `-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "${table}";\nPRAGMA foreign_keys=on;\n\n`;
const drops = ['FileSearch_config', 'FileSearch_content', 'FileSearch_data', 'FileSearch_docsize', 'FileSearch_idx'].map(shadowDrop).join('');
const triggers = readFileSync('prisma/sqlite/file-triggers.sql', 'utf8');

test("a migration of nothing but the search table's shadow tables is no migration", () => {
  expect(mendedMigration(drops)).toBeNull();
});

test('the drops of shadow tables go; every other statement stays as Prisma wrote it', () => {
  const change = '-- AlterTable\nALTER TABLE "Share" ADD COLUMN "note" TEXT;\n';
  expect(mendedMigration(`${drops}${change}`)).toBe(change);
  expect(mendedMigration(`${shadowDrop('Other_data')}${change}`)).toContain('DROP TABLE "Other_data"');
});

test('a migration that rebuilds File drops its triggers first and makes them again after', () => {
  const rebuild = 'CREATE TABLE "new_File" ("id" TEXT NOT NULL PRIMARY KEY);\nDROP TABLE "File";\nALTER TABLE "new_File" RENAME TO "File";\n';
  const mended = mendedMigration(`${drops}${rebuild}`)!;
  const at = (text: string) => mended.indexOf(text);
  expect(at('DROP TRIGGER IF EXISTS "File_usage_insert"')).toBeLessThan(at('CREATE TABLE "new_File"'));
  expect(mended.endsWith(triggers)).toBe(true);
  expect(at('CREATE TRIGGER "File_search_insert"')).toBeGreaterThan(at('RENAME TO "File"'));
  expect(mended).not.toContain('DROP TABLE "FileSearch');
});
