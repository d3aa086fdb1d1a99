import 'server-only';
import type { Database } from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process; dev hot reload re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { handoffDb?: PrismaClient; handoffSqlite?: Database };

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
    return adapter;
  }
}

function createClient() {
  const client = new PrismaClient({ adapter: new SharedConnection({ url: env().DATABASE_URL }) });
  // WAL lets readers (share pages) run while a writer holds the lock. It is stored in the file,
  // so one call per process is enough; failure only costs concurrency.
  client.$queryRawUnsafe('PRAGMA journal_mode = WAL').catch(() => undefined);
  return client;
}

export function db(): PrismaClient {
  globalForDb.handoffDb ??= createClient();
  return globalForDb.handoffDb;
}

/** The connection under db(), once Prisma has opened it. Integers come back as BigInt. */
export async function sqlite(): Promise<Database> {
  if (!globalForDb.handoffSqlite) await db().$connect();
  if (!globalForDb.handoffSqlite) throw new Error('the Prisma SQLite adapter did not expose its connection');
  return globalForDb.handoffSqlite;
}
