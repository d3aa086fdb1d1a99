// The usage_counter_and_search migration on a SQLite database written before it: each person's
// counters equal their files' sums (ready, pending; source files and deletes not counted), the
// search table holds every app file and no source file, and the names' search keys filled in at
// start reach the search table.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { connect } from '@/prisma/seed';
import { fillMissingSortNames } from '@/lib/names/fill-sort-names';

const migrations = readdirSync('prisma/migrations')
  .filter((name) => /^\d+_/.test(name))
  .sort();
const target = migrations.findIndex((name) => name.endsWith('_usage_counter_and_search'));
const apply = (sqlite: Database.Database, name: string) => sqlite.exec(readFileSync(`prisma/migrations/${name}/migration.sql`, 'utf8'));

test('counters start at the sums of the files already there, and older names become searchable', async () => {
  expect(target).toBeGreaterThan(0);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'handoff-usage-')), 'before.db');
  const sqlite = new Database(file);
  for (const name of migrations.slice(0, target)) apply(sqlite, name);

  const written = '2026-12-01 10:00:00';
  const insertUser = sqlite.prepare(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES (?, ?, ?)`);
  for (const id of ['ann', 'bob', 'cy']) insertUser.run(id, `${id}@handoff.test`, written);
  sqlite
    .prepare(
      `INSERT INTO "StorageSource" ("id", "name", "bucket", "prefix", "endpoint", "region", "forcePathStyle", "accessKeyId", "secretSealed", "updatedAt") VALUES ('src', 'Reports', 'reports', '', '', 'us-east-1', 0, 'k', 's', ?)`,
    )
    .run(written);
  const insertFile = sqlite.prepare(
    `INSERT INTO "File" ("id", "ownerId", "name", "size", "contentType", "storageKey", "status", "sourceId", "updatedAt") VALUES (?, ?, ?, ?, 'text/plain', ?, ?, ?, ?)`,
  );
  const files: [string, string, string, number, string, string | null][] = [
    ['a1', 'ann', 'Résumé.pdf', 1000, 'ready', null],
    ['a2', 'ann', 'Invoice 7.pdf', 250, 'ready', null],
    ['a3', 'ann', 'big upload.iso', 5000, 'pending', null],
    ['a4', 'ann', 'going away.txt', 70, 'deleting', null],
    ['a5', 'ann', 'shared from a bucket.pdf', 9999, 'ready', 'src'],
    ['b1', 'bob', 'notes.txt', 42, 'ready', null],
  ];
  for (const [id, owner, name, size, status, source] of files) insertFile.run(id, owner, name, size, `k/${id}`, status, source, written);

  for (const name of migrations.slice(target)) apply(sqlite, name);

  const usage = sqlite.prepare(`SELECT "userId", "usedBytes", "pendingBytes" FROM "Usage" ORDER BY "userId"`).all();
  expect(usage).toEqual([
    { userId: 'ann', usedBytes: 1250, pendingBytes: 5000 },
    { userId: 'bob', usedBytes: 42, pendingBytes: 0 },
  ]);
  const indexed = () => sqlite.prepare(`SELECT "fileId", "searchName" FROM "FileSearch" ORDER BY "fileId"`).all() as { fileId: string; searchName: string }[];
  expect(indexed().map((row) => row.fileId)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);

  const client = connect(`file:${file}`);
  try {
    await fillMissingSortNames(client);
  } finally {
    await client.$disconnect();
  }
  expect(indexed().find((row) => row.fileId === 'a1')?.searchName).toBe('resume.pdf');
  const found = sqlite.prepare(`SELECT "fileId" FROM "FileSearch" WHERE "searchName" MATCH '"sume"'`).all();
  expect(found).toEqual([{ fileId: 'a1' }]);

  // And from here on the triggers keep count: cy's first file makes cy's row.
  insertFile.run('c1', 'cy', 'first.txt', 10, `k/c1`, 'pending', null, written);
  sqlite.prepare(`UPDATE "File" SET "status" = 'ready' WHERE "id" = 'c1'`).run();
  sqlite.prepare(`DELETE FROM "File" WHERE "id" = 'a2'`).run();
  expect(sqlite.prepare(`SELECT "userId", "usedBytes", "pendingBytes" FROM "Usage" ORDER BY "userId"`).all()).toEqual([
    { userId: 'ann', usedBytes: 1000, pendingBytes: 5000 },
    { userId: 'bob', usedBytes: 42, pendingBytes: 0 },
    { userId: 'cy', usedBytes: 10, pendingBytes: 0 },
  ]);
  sqlite.close();
});
