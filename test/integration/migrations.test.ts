// Both databases are built by their own migrations (prisma/migrations for SQLite,
// prisma/postgresql/migrations for PostgreSQL) from one set of models (prisma/schema.prisma).
// In each lane, the database the suite migrated must match the models exactly: a change to the
// schema with a migration for one database only fails here, on the other database's lane.
// (Prisma takes SQLite's FTS5 shadow tables for stray tables; their drops are no difference: see
// scripts/fix-sqlite-migration.mjs.)
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { withoutSearchTableDrops } from '@/scripts/fix-sqlite-migration.mjs';

const isPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');
const schema = isPostgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma';

test(`the ${isPostgres ? 'PostgreSQL' : 'SQLite'} migrations build exactly the schema's tables, columns and indexes`, () => {
  const diff = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-config-datasource', '--to-schema', schema, '--script'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(withoutSearchTableDrops(diff).trim().replace('-- This is an empty migration.', '')).toBe('');
}, 60_000);
