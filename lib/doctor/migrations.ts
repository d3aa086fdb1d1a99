import 'server-only';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { db, dialect } from '@/lib/db';
import { describeError, fail, pass, type Verdict } from '@/lib/doctor/check';

const DEPLOY = 'Run npx prisma migrate deploy (npm run serve and npm start do it before serving) with the same DATABASE_URL.';

/** The migrations this version brings for the database in use (one folder per database: README, "One schema, two databases"). */
function migrationFolders(): string[] {
  const folder = path.join(process.cwd(), dialect() === 'postgresql' ? 'prisma/postgresql/migrations' : 'prisma/migrations');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name);
}

type Applied = { migration_name: string; finished: unknown; rolled_back: unknown };

/** The database answers, and every migration folder is applied there (none failed halfway). */
export async function checkMigrations(): Promise<Verdict> {
  let rows: Applied[];
  try {
    rows = await db().$queryRaw<Applied[]>`SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations`;
  } catch (error) {
    if (/_prisma_migrations|no such table|does not exist/i.test(String((error as Error).message))) return fail('the database has no migrations applied', DEPLOY);
    return fail(
      `the database did not answer: ${describeError(error)}`,
      'Check DATABASE_URL (host, port, database, user and password) and that the database server runs and this server may reach it.',
    );
  }
  const live = rows.filter((row) => !Number(row.rolled_back));
  const failed = live.filter((row) => !Number(row.finished)).map((row) => row.migration_name);
  if (failed.length > 0)
    return fail(`a migration failed halfway: ${failed.join(', ')}`, `Fix what its error names, then npx prisma migrate resolve --rolled-back ${failed[0]} and ${DEPLOY}`);
  const applied = new Set(live.map((row) => row.migration_name));
  const pending = migrationFolders().filter((name) => !applied.has(name));
  if (pending.length > 0) return fail(`${pending.length} not applied: ${pending.join(', ')}`, DEPLOY);
  return pass(`all ${applied.size} applied (${dialect() === 'postgresql' ? 'PostgreSQL' : 'SQLite'})`);
}
