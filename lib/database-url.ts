// Which database a DATABASE_URL names. No `server-only`: prisma/seed.ts (tests, demos) uses it too.
import { PrismaPg } from '@prisma/adapter-pg';
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
export function postgresClient(url: string): PrismaClient {
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
}
