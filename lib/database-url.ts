// Which database a DATABASE_URL names. No `server-only`: prisma/seed.ts (tests, demos) uses it too.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresClient } from '@/lib/generated/prisma-pg/client';

export type Dialect = 'sqlite' | 'postgresql';

/** `postgresql://` or `postgres://` selects PostgreSQL; `file:` SQLite (the embedded default). */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

/**
 * A client on PostgreSQL. Prisma generates one client per database (lib/generated/prisma-pg,
 * from the same models: prisma.config.ts); its API is the SQLite client's, so the app is typed
 * against that one.
 */
export function postgresClient(url: string, pool: pg.Pool = postgresPool(url)): PrismaClient {
  return new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
}

/**
 * The connections a client keeps to PostgreSQL: at most the URL's `connection_limit` (Prisma's
 * own name for it, which its adapter does not read), else pg's default of 10. It never keeps
 * the process alive by itself: a script ends when its work does.
 */
export function postgresPool(url: string): pg.Pool {
  const limit = Number(new URL(url).searchParams.get('connection_limit'));
  const pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true, ...(Number.isInteger(limit) && limit > 0 && { max: limit }) });
  // An idle connection the server closed (a restart, a failover) is dropped from the pool; unheard, its error would end the process.
  pool.on('error', (error) => console.error('[db] an idle PostgreSQL connection failed:', error.message));
  return pool;
}
