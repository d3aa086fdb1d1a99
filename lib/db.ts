import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process; dev hot reload re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { handoffDb?: PrismaClient };

function createClient() {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: env().DATABASE_URL }) });
  // WAL lets readers (share pages) run while a writer holds the lock. It is stored in the file,
  // so one call per process is enough; failure only costs concurrency.
  client.$queryRawUnsafe('PRAGMA journal_mode = WAL').catch(() => undefined);
  return client;
}

export function db(): PrismaClient {
  globalForDb.handoffDb ??= createClient();
  return globalForDb.handoffDb;
}
