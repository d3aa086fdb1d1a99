import 'server-only';
import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { withSortNames } from '@/lib/names/sort-name-extension';
import { dialectOf, postgresClient, postgresPool, type Dialect } from '@/lib/database-url';

// One client per process; dev hot reload re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { handoffDb?: PrismaClient; handoffSqlite?: Database; handoffPostgres?: Pool };

/**
 * Prisma's SQLite adapter runs every statement on one better-sqlite3 connection. Keeping a
 * handle on that same connection lets the download hot path (lib/shares/access.ts) run
 * statements prepared once, without Prisma preparing them on every call; sharing the
 * connection means it can never lock against Prisma's own writes.
 */
class SharedConnection extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    globalForDb.handoffSqlite = (adapter as unknown as { client: Database }).client;
    retryWhenBusy(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => retryWhenBusy(await startTransaction(...args));
    return adapter;
  }
}

// SQLite makes a writer wait for another process's write lock by sleeping on the thread, which is
// Node's only one: every request stalled behind it. So SQLite does not wait at all (timeout 0);
// a statement refused for a lock is retried here, asleep on timers, for about a second and a half,
// then fails with the lock's error (lib/db-busy.ts), which routes and actions turn into a clear
// refusal. Reads are never refused: in WAL mode they do not wait for writers.
const RETRY_DELAYS_MS = [5, 10, 20, 40, 80, 160, 300, 400, 450];

/** Runs a statement, retrying while the database is locked by someone else. */
export async function whenNotBusy<T>(run: () => T | Promise<T>): Promise<T> {
  for (const delay of [...RETRY_DELAYS_MS, null]) {
    try {
      return await run();
    } catch (error) {
      if (!isDatabaseBusyError(error)) throw error;
      if (delay === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw new Error('unreachable');
}

type Queryable = { queryRaw: (...args: never[]) => Promise<unknown>; executeRaw: (...args: never[]) => Promise<unknown> };

function retryWhenBusy<Q extends Queryable>(queryable: Q): Q {
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const original = queryable[method].bind(queryable) as (...args: unknown[]) => Promise<unknown>;
    (queryable[method] as unknown) = (...args: unknown[]) => whenNotBusy(() => original(...args));
  }
  return queryable;
}

function createClient() {
  const url = env().DATABASE_URL;
  if (dialectOf(url) === 'postgresql') return withSortNames(postgresClient(url, (globalForDb.handoffPostgres = postgresPool(url))));
  const client = new PrismaClient({ adapter: new SharedConnection({ url, timeout: 0 }) });
  // WAL lets readers (share pages) run while a writer holds the lock. It is stored in the file,
  // so one call per process is enough; failure only costs concurrency.
  client.$queryRawUnsafe('PRAGMA journal_mode = WAL').catch(() => undefined);
  return withSortNames(client);
}

/** The database DATABASE_URL names: `file:` SQLite (the embedded default), `postgresql://` PostgreSQL. */
export function dialect(): Dialect {
  return dialectOf(env().DATABASE_URL);
}

export function db(): PrismaClient {
  globalForDb.handoffDb ??= createClient();
  return globalForDb.handoffDb;
}

/** On SQLite, the connection under db(), once Prisma has opened it. Integers come back as BigInt. */
export async function sqlite(): Promise<Database> {
  if (!globalForDb.handoffSqlite) await db().$connect();
  if (!globalForDb.handoffSqlite) throw new Error('the Prisma SQLite adapter did not expose its connection');
  return globalForDb.handoffSqlite;
}

/**
 * On PostgreSQL, the pool under db(): the download hot path (lib/shares/access-store/postgres.ts)
 * runs its prepared statements straight on it, within the same connection limit as Prisma.
 */
export function postgres(): Pool {
  db();
  if (!globalForDb.handoffPostgres) throw new Error('DATABASE_URL does not name a PostgreSQL database');
  return globalForDb.handoffPostgres;
}

/**
 * Holds a row until the transaction `tx` ends, so that what the transaction reads and then writes
 * (a count, then an insert) cannot interleave with another transaction doing the same for that
 * row. SQLite runs one write transaction at a time anyway; PostgreSQL, at READ COMMITTED, would
 * let both read the same count. An UPDATE that changes nothing takes the row's lock on both.
 */
export async function lockRow(tx: Prisma.TransactionClient, table: 'User' | 'UploadRequest', id: string): Promise<void> {
  await tx.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET "id" = "id" WHERE "id" = ${id}`;
}

/** A write refused by a unique index: someone (another request, another instance) wrote it first. */
export const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
