import 'server-only';
import { db } from '@/lib/db';
import { EVENT, LOAD, TAKE, type AccessEvent, type AccessStore, type Row } from './index';

const eventValues = (e: AccessEvent) => [e.id, e.shareId, e.recipientId, e.fileId, e.kind, e.at, e.userAgent];

/**
 * grant() as ONE statement: TAKE's conditional UPDATE, then the events and the recipient's count
 * only from the row it took. A data-modifying CTE's UPDATE locks and re-checks the share's row as
 * the plain UPDATE does, and a statement is its own transaction, so the cap stays exact across
 * any number of instances and the count and its record are written together or not at all.
 * Prisma's interactive transaction cost five round trips (BEGIN, take, event, count, COMMIT),
 * holding a pooled connection throughout: half the SQLite path's throughput (scripts/bench).
 * The events come as one array per column, so the statement is the same for any number of files.
 */
const GRANT = `
  WITH taken AS (${TAKE}),
  recorded AS (
    INSERT INTO "AccessEvent" ("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent")
    SELECT e.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp(3)[], $9::text[]) AS e, taken
  ),
  counted AS (
    UPDATE "ShareRecipient" SET "downloadCount" = "downloadCount" + 1 WHERE "id" = $2::text AND EXISTS (SELECT FROM taken)
  )
  SELECT count(*)::int AS "taken" FROM taken`;

const columns = (events: AccessEvent[]) => [
  events.map((e) => e.id),
  events.map((e) => e.shareId),
  events.map((e) => e.recipientId),
  events.map((e) => e.fileId),
  events.map((e) => e.kind),
  events.map((e) => e.at),
  events.map((e) => e.userAgent),
];

/** Through Prisma's PostgreSQL adapter (its pool, its type parsing: timestamps read as UTC). */
export const postgresStore: AccessStore = {
  load: (tokenHash) => db().$queryRawUnsafe<Row[]>(LOAD, tokenHash),
  grant: async (shareId, events, recipientId) => {
    const [row] = await db().$queryRawUnsafe<{ taken: number }[]>(GRANT, shareId, recipientId, ...columns(events));
    return row!.taken > 0;
  },
  record: async (events) => {
    await db().$transaction(events.map((e) => db().$executeRawUnsafe(EVENT, ...eventValues(e))));
  },
};
