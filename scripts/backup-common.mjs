// What scripts/backup.mjs and scripts/restore.mjs share: which database DATABASE_URL names, and
// how to hand a PostgreSQL URL to the client tools without its password on a command line
// (`ps` shows every process's arguments; the environment of another user's process it does not).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// Paths are the app's: relative SQLite paths and .env are taken from the project root (where npm
// runs scripts anyway); the file named on the command line, from where the command was typed.
const typedIn = process.env.INIT_CWD ?? process.cwd();
process.chdir(path.join(import.meta.dirname, '..'));

// Settings come from the environment (systemd's EnvironmentFile) or, for what it leaves unset,
// from the project's .env, as for the app.
if (existsSync('.env')) process.loadEnvFile('.env');

/** A reason to stop, said to the operator as it is (no stack trace). */
class Refusal extends Error {}

export function fail(message) {
  throw new Refusal(message);
}

/** Runs a script's body; a refusal ends it with its message and exit code 1. */
export async function runScript(body) {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

/** The file named on the command line, relative to where `npm run` (or node) was typed. */
export function fileArgument(usage) {
  if (process.argv.length !== 3) fail(`usage: ${usage}`);
  return path.resolve(typedIn, process.argv[2]);
}

/** { kind: 'sqlite', file } or { kind: 'postgresql', url } for this DATABASE_URL. */
export function databaseOf(url = process.env.DATABASE_URL || 'file:./.data/handoff.db') {
  if (url.startsWith('file:')) return { kind: 'sqlite', file: path.resolve(url.slice('file:'.length).split('?')[0]) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgresql', url: new URL(url) };
  fail('DATABASE_URL must be a SQLite file: URL or a postgresql:// URL');
}

/** libpq's environment variables for this URL (PGPASSWORD among them), for pg_dump and pg_restore. */
export function libpqEnvironment(url) {
  const settings = {
    PGHOST: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1'),
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGSSLMODE: url.searchParams.get('sslmode') ?? '',
    PGSSLROOTCERT: url.searchParams.get('sslrootcert') ?? '',
  };
  const given = Object.entries(settings).filter(([, value]) => value !== '');
  return { ...process.env, ...Object.fromEntries(given) };
}

/** Runs a PostgreSQL client tool; a missing tool or a failure ends the script with its message. */
export function runTool(tool, args, env, failure = `${tool} failed`) {
  const result = spawnSync(tool, args, { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 ** 2 });
  if (result.error?.code === 'ENOENT')
    fail(`${tool} is missing: install PostgreSQL's client tools (Debian/Ubuntu: apt-get install postgresql-client), at least as new as the server`);
  if (result.status !== 0) fail(`${failure} (${tool} exit code ${result.status ?? result.signal})`);
  return result.stdout.toString('utf8');
}
