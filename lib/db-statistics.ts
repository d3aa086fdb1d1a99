import 'server-only';
import { db, dialect } from '@/lib/db';

// The query planner picks an index by what it knows of the tables. Without statistics it guesses,
// and with a large account it can guess wrong: on PostgreSQL a files page sorted by size then
// reads every file of the person through the status index and sorts them, and on SQLite a deep
// page by date walks all their files instead of one folder's. So statistics are gathered as the
// server starts (after the start-up fills, which can rewrite every row) and after each sweep.
//
// SQLite: `PRAGMA optimize` analyses only the tables whose size changed a lot since they were
// last analysed (or never were), with a sampling limit, so when nothing changed it costs a check.
// It runs on the app's own connection (Prisma's, lib/db.ts), the one whose planner reads the
// statistics. At start it looks at every table (0x10002); after that, at those the app used.
// PostgreSQL: `ANALYZE` at start; afterwards its autovacuum re-analyses a table once a tenth of
// it has changed, which SQLite has nothing to do for it.

/** Gathers the statistics the planner needs, at start (every table) or after a round of changes. */
export async function refreshStatistics(when: 'start' | 'after-changes'): Promise<void> {
  if (dialect() === 'postgresql') {
    if (when === 'start') await db().$executeRaw`ANALYZE`;
    return;
  }
  await db().$queryRawUnsafe(when === 'start' ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize');
}
