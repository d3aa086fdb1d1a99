// The natural_name_order migration on a database written before it: every stored name gets its
// sort key when the server starts (lib/names/fill-sort-names.ts), and nothing else changes.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { connect } from '@/prisma/seed';
import { fillMissingSortNames } from '@/lib/names/fill-sort-names';
import { nameSortKey, sortByNames } from '@/lib/names/sort-key';

const migrations = readdirSync('prisma/migrations')
  .filter((name) => /^\d+_/.test(name))
  .sort();
const target = migrations.findIndex((name) => name.endsWith('_natural_name_order'));
const apply = (sqlite: Database.Database, name: string) => sqlite.exec(readFileSync(`prisma/migrations/${name}/migration.sql`, 'utf8'));

const FILE_NAMES = ['Zebra.txt', 'apple.txt', 'données été.csv', 'Daten.csv', 'file 10.txt', 'file 2.txt'];
const FOLDER_NAMES = ['Photos 10', 'photos 2', 'Économie'];

test('names stored before sort keys get them at start, and list in natural order', async () => {
  expect(target).toBeGreaterThan(0);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'handoff-sort-names-')), 'before.db');
  const sqlite = new Database(file);
  for (const name of migrations.slice(0, target)) apply(sqlite, name);

  // Rows as the app wrote them before the migration.
  const written = '2026-11-30 10:00:00';
  sqlite.prepare(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('owner', 'before@handoff.test', ?)`).run(written);
  const insertFile = sqlite.prepare(
    `INSERT INTO "File" ("id", "ownerId", "name", "size", "contentType", "storageKey", "status", "updatedAt") VALUES (?, 'owner', ?, 1, 'text/plain', ?, 'ready', ?)`,
  );
  FILE_NAMES.forEach((name, i) => insertFile.run(`file${i}`, name, `users/owner/file${i}`, written));
  const insertFolder = sqlite.prepare(`INSERT INTO "Folder" ("id", "ownerId", "name") VALUES (?, 'owner', ?)`);
  FOLDER_NAMES.forEach((name, i) => insertFolder.run(`folder${i}`, name));

  apply(sqlite, migrations[target]!);
  // A row renamed between the migration and the fill already has its key: left alone.
  sqlite.prepare(`UPDATE "File" SET "name" = 'renamed.txt', "sortName" = ? WHERE "id" = 'file0'`).run(nameSortKey('renamed.txt'));
  // The migrations after it too: the fill runs on today's schema.
  for (const name of migrations.slice(target + 1)) apply(sqlite, name);

  const client = connect(`file:${file}`);
  try {
    await fillMissingSortNames(client);
    await fillMissingSortNames(client); // again, as each start does: nothing left to do
  } finally {
    await client.$disconnect();
  }

  const files = sqlite.prepare(`SELECT "id", "name", "sortName", "updatedAt" FROM "File" ORDER BY "sortName", "id"`).all() as {
    id: string;
    name: string;
    sortName: string;
    updatedAt: string;
  }[];
  for (const row of files) expect(row.sortName, row.name).toBe(nameSortKey(row.name));
  expect(files.map((row) => row.updatedAt)).toEqual(files.map(() => written));
  const fileNames = ['renamed.txt', ...FILE_NAMES.slice(1)];
  expect(files.map((row) => row.name)).toEqual(['apple.txt', 'Daten.csv', 'données été.csv', 'file 2.txt', 'file 10.txt', 'renamed.txt']);
  expect(files.map((row) => row.name)).toEqual(sortByNames(fileNames, (name) => [name]));

  const folders = sqlite.prepare(`SELECT "name", "sortName" FROM "Folder" ORDER BY "sortName", "id"`).all() as { name: string; sortName: string }[];
  for (const row of folders) expect(row.sortName, row.name).toBe(nameSortKey(row.name));
  expect(folders.map((row) => row.name)).toEqual(['Économie', 'photos 2', 'Photos 10']);
  sqlite.close();
});
