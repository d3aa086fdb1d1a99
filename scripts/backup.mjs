#!/usr/bin/env node
// npm run backup -- <file>: a consistent copy of the database named by DATABASE_URL, taken while
// the app runs. SQLite: VACUUM INTO, one read transaction, so the copy is the database as it was
// at one instant, WAL included (a plain file copy could miss the WAL or tear mid-write), and it
// does not hold up the app's writes. PostgreSQL: pg_dump's custom format (one snapshot too).
// The copy is written beside <file> and renamed into place only when complete.
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseOf, fail, fileArgument, libpqEnvironment, runScript, runTool } from './backup-common.mjs';

await runScript(() => {
  const target = fileArgument('npm run backup -- <file>');
  if (existsSync(target)) fail(`${target} already exists: choose a new name (backups are never overwritten)`);
  const database = databaseOf();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    if (database.kind === 'sqlite') backUpSqlite(database.file, partial);
    else runTool('pg_dump', ['--format=custom', `--file=${partial}`], libpqEnvironment(database.url));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  console.log(`backup written to ${target}`);
});

function backUpSqlite(file, copy) {
  if (!existsSync(file)) fail(`no database at ${file} (check DATABASE_URL)`);
  const source = new Database(file, { fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    source.close();
  }
}
