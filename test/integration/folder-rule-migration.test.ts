// The storage_sources migration on a database written before it: every folder rule becomes an
// arrival rule on the same folder, for the folder's owner, with the same recipients, expiry and
// message; files and folders keep every value.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';

const migrations = readdirSync('prisma/migrations')
  .filter((name) => /^\d+_/.test(name))
  .sort();
const target = migrations.findIndex((name) => name.endsWith('_storage_sources'));
const apply = (sqlite: Database.Database, name: string) => sqlite.exec(readFileSync(`prisma/migrations/${name}/migration.sql`, 'utf8'));

test('folder rules written before arrival rules are kept, as arrival rules on their folders', () => {
  expect(target).toBeGreaterThan(0);
  const sqlite = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'handoff-rules-')), 'before.db'));
  for (const name of migrations.slice(0, target)) apply(sqlite, name);

  const written = '2026-11-30 10:00:00';
  sqlite.prepare(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('owner', 'before@handoff.test', ?)`).run(written);
  sqlite.prepare(`INSERT INTO "Folder" ("id", "ownerId", "name", "sortName") VALUES ('reports', 'owner', 'Reports', 'reports')`).run();
  sqlite
    .prepare(
      `INSERT INTO "File" ("id", "ownerId", "folderId", "name", "size", "contentType", "storageKey", "status", "etag", "updatedAt") VALUES ('f1', 'owner', 'reports', 'q3.pdf', 5, 'application/pdf', 'users/owner/f1', 'ready', '"abc"', ?)`,
    )
    .run(written);
  sqlite
    .prepare(
      `INSERT INTO "FolderRule" ("id", "folderId", "recipients", "days", "message", "createdAt") VALUES ('rule1', 'reports', 'cfo@client.test,audit@client.test', 30, 'Monthly figures', ?)`,
    )
    .run(written);

  apply(sqlite, migrations[target]!);

  expect(sqlite.prepare(`SELECT "id", "ownerId", "folderId", "sourceId", "recipients", "days", "message", "enabled", "createdAt" FROM "ArrivalRule"`).all()).toEqual([
    {
      id: 'rule1',
      ownerId: 'owner',
      folderId: 'reports',
      sourceId: null,
      recipients: 'cfo@client.test,audit@client.test',
      days: 30,
      message: 'Monthly figures',
      enabled: 1,
      createdAt: written,
    },
  ]);
  expect(sqlite.prepare(`SELECT "id", "folderId", "storageKey", "etag", "sourceId" FROM "File"`).all()).toEqual([
    { id: 'f1', folderId: 'reports', storageKey: 'users/owner/f1', etag: '"abc"', sourceId: null },
  ]);
  expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'FolderRule'`).all()).toEqual([]);
});
