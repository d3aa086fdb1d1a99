#!/usr/bin/env node
// npm run restore -- <file>: puts a backup made by scripts/backup.mjs back as the database named
// by DATABASE_URL. Stop every instance of the app first: this refuses while the database is in use.
// The backup is checked before anything is touched: it must be a whole Handoff database, made by
// this release or an earlier one (`npm run serve` then migrates it forward).
// SQLite: the file is replaced (its -wal and -shm go with it). PostgreSQL: pg_restore --clean
// --if-exists in one transaction: every object in the backup is dropped and recreated.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseOf, fail, fileArgument, libpqEnvironment, runScript, runTool } from './backup-common.mjs';

// Each database has its own migrations (prisma.config.ts).
const MIGRATIONS = { sqlite: 'prisma/migrations', postgresql: 'prisma/postgresql/migrations' };

await runScript(async () => {
  const backup = fileArgument('npm run restore -- <file>');
  if (!existsSync(backup)) fail(`no backup at ${backup}`);
  const database = databaseOf();
  const magic = readFileSync(backup).subarray(0, 16).toString('latin1');
  if (database.kind === 'sqlite') {
    if (!magic.startsWith('SQLite format 3')) fail(`${backup} is not a SQLite backup, and DATABASE_URL names a SQLite database`);
    checkMigrations(backup, sqliteMigrations(backup), MIGRATIONS.sqlite);
    refuseWhileSqliteInUse(database.file);
    replaceSqlite(database.file, backup);
  } else {
    if (!magic.startsWith('PGDMP')) fail(`${backup} is not a pg_dump custom-format backup, and DATABASE_URL names a PostgreSQL database`);
    const env = libpqEnvironment(database.url);
    checkMigrations(backup, postgresMigrations(backup, env), MIGRATIONS.postgresql);
    await refuseWhilePostgresInUse(database.url);
    runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${env.PGDATABASE}`, backup], env);
  }
  console.log(`restored ${backup}; start the app (npm run serve applies any newer migrations)`);
});

/** Refuses a backup that is not a Handoff database, or was made by a newer release than this one. */
function checkMigrations(backup, applied, folder) {
  if (applied.length === 0) fail(`${backup} is not a Handoff database: it has no applied Prisma migrations`);
  const known = new Set(
    readdirSync(path.join(import.meta.dirname, '..', folder), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  );
  const newer = applied.filter((name) => !known.has(name));
  if (newer.length > 0) fail(`${backup} was made by a newer release (migrations ${newer.join(', ')} are not in ${folder}): restore it with that release`);
}

function sqliteMigrations(backup) {
  const copy = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityProblems(copy);
    if (problems) fail(`${backup} is damaged (SQLite integrity_check: ${problems})`);
    const hasTable = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!hasTable) return [];
    return copy.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').pluck().all();
  } finally {
    copy.close();
  }
}

function integrityProblems(copy) {
  try {
    const rows = copy.pragma('integrity_check').map((row) => row.integrity_check);
    return rows.join() === 'ok' ? null : rows.slice(0, 3).join('; ');
  } catch (error) {
    if (error.code === 'SQLITE_CORRUPT' || error.code === 'SQLITE_NOTADB') return error.message;
    throw error;
  }
}

/** The names of the migrations in a dump's _prisma_migrations (its COPY data, as text). */
function postgresMigrations(backup, env) {
  // Reading the whole archive (into nothing) finds a damaged or truncated one.
  runTool('pg_restore', ['--file=/dev/null', backup], env, `${backup} is damaged`);
  const data = runTool('pg_restore', ['--data-only', '--table=_prisma_migrations', '--file=-', backup], env);
  const copy = /^COPY \S+ \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
  if (!copy) return [];
  const columns = copy[1].split(',').map((name) => name.trim().replace(/"/g, ''));
  const rows = copy[2]
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])));
  return rows.filter((row) => row.finished_at !== '\\N' && row.rolled_back_at === '\\N').map((row) => row.migration_name);
}

// The app keeps its connection open in WAL mode; no other connection can then take the database
// exclusively, so an exclusive lock that can be had means no instance has the file open.
function refuseWhileSqliteInUse(file) {
  if (!existsSync(file)) return;
  const probe = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') throw error;
    fail(`${file} is in use: stop every instance of the app (and anything else that has it open), then restore`);
  } finally {
    probe.close();
  }
}

function replaceSqlite(file, backup) {
  const incoming = `${file}.restoring`;
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(backup, incoming);
  // A WAL left beside the new file would be replayed into it.
  for (const leftover of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(leftover, { force: true });
  renameSync(incoming, file);
}

async function refuseWhilePostgresInUse(url) {
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (rows[0].others > 0) fail(`${rows[0].others} other connection(s) to the database are open: stop every instance of the app, then restore`);
  } finally {
    await client.end();
  }
}
