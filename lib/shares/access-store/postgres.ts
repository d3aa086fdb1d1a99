import 'server-only';
import pg, { type CustomTypesConfig } from 'pg';
import { postgres } from '@/lib/db';
import { LOAD, TAKE, type AccessEvent, type AccessStore, type Row } from './index';

/** Access events as rows, from one array parameter per column starting at $first: the same statement for any number of files. */
const unnestEvents = (first: number) =>
  `SELECT * FROM unnest(${['text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'text'].map((type, i) => `$${first + i}::${type}[]`).join(', ')})`;
const INTO_EVENTS = `INSERT INTO "AccessEvent" ("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent")`;

/**
 * grant() as ONE statement: TAKE's conditional UPDATE, then the events and the recipient's count
 * only from the row it took. A data-modifying CTE's UPDATE locks and re-checks the share's row as
 * the plain UPDATE does, and a statement is its own transaction, so the cap stays exact across
 * any number of instances and the count and its record are written together or not at all.
 */
const GRANT = `
  WITH taken AS (${TAKE}),
  recorded AS (${INTO_EVENTS} SELECT e.* FROM (${unnestEvents(3)}) AS e, taken),
  counted AS (
    UPDATE "ShareRecipient" SET "downloadCount" = "downloadCount" + 1 WHERE "id" = $2::text AND EXISTS (SELECT FROM taken)
  )
  SELECT count(*)::int AS "taken" FROM taken`;
/** A preview's events: one statement, so all or none. */
const RECORD = `${INTO_EVENTS} ${unnestEvents(1)}`;

// Times go out as UTC text: pg would send a Date in the process's time zone, and a `timestamp`
// column (Prisma's DateTime) drops the offset, storing local wall-clock time as if it were UTC.
const columns = (events: AccessEvent[]) => [
  events.map((e) => e.id),
  events.map((e) => e.shareId),
  events.map((e) => e.recipientId),
  events.map((e) => e.fileId),
  events.map((e) => e.kind),
  events.map((e) => e.at.toISOString()),
  events.map((e) => e.userAgent),
];

const TIMESTAMP = 1114;
const INT8 = 20;
const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
/** Read as Prisma's adapter reads them: a `timestamp` as UTC (pg's default reads it in the process's time zone), an int8 as a BigInt. */
const types: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP ? utc : oid === INT8 ? BigInt : pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/**
 * Straight on the pg pool under Prisma's adapter (lib/db.ts), as named statements that each
 * connection parses and plans once. Through Prisma's raw-query path, with unnamed statements
 * parsed and planned on every call, a download cost the app 4.2 ms of CPU and PostgreSQL 2.0;
 * here 2.2 and 0.6 (scripts/bench, runs at the same load). Behind PgBouncer in transaction mode, named statements need
 * its max_prepared_statements (1.21 and later).
 */
export const postgresStore: AccessStore = {
  load: async (tokenHash) => (await postgres().query<Row>({ name: 'share-access-load', text: LOAD, values: [tokenHash], types })).rows,
  grant: async (shareId, events, recipientId) => {
    const values = [shareId, recipientId, ...columns(events)];
    const { rows } = await postgres().query<{ taken: number }>({ name: 'share-access-grant', text: GRANT, values, types });
    return rows[0]!.taken > 0;
  },
  record: async (events) => {
    await postgres().query({ name: 'share-access-record', text: RECORD, values: columns(events) });
  },
};
