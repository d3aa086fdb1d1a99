import 'server-only';
import pg, { type CustomTypesConfig } from 'pg';
import { postgres } from '@/lib/db';
import { TAKES_MORE, loadWhere, type AccessEvent, type AccessStore, type Asked, type Row } from './index';
import { together, type Settled } from './together';

/** Access events' columns, one array parameter each starting at $first: the same statement for any number of files. */
const eventArrays = (first: number) => ['text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'text'].map((type, i) => `$${first + i}::${type}[]`).join(', ');
const INTO_EVENTS = `INSERT INTO "AccessEvent" ("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent")`;

/** The shares of every token hash in $1 (an array): the loads of requests that arrive together, in one round trip. */
const LOAD_MANY = loadWhere('= ANY($1::text[])');

/**
 * The grants of requests that arrive together, as ONE statement, so one round trip and one commit
 * (a durable commit's flush was most of PostgreSQL's cost per download): $1 and $2 are each
 * grant's share and recipient, in arrival order; $3.. the events' columns, and last, the grant
 * (its 1-based place in $1) each event belongs to. Each share's row is locked (FOR UPDATE reads
 * its latest version, whoever committed it) and gives as many of its grants as its cap has left,
 * the earliest first, in one UPDATE: a statement cannot update a row twice, and the lock keeps the
 * cap exact across any number of instances. Rows are locked in id order, so two batches holding
 * the same shares (two instances) wait for each other instead of deadlocking. Events and recipients' counts are written only for
 * the grants taken. Returns the places of the grants taken.
 */
const GRANT_MANY = `
  WITH asked AS (
    SELECT a."shareId", a."recipientId", a."grant", row_number() OVER (PARTITION BY a."shareId" ORDER BY a."grant") AS "place"
    FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a("shareId", "recipientId", "grant")
  ),
  wanted AS (SELECT "shareId", count(*) AS "count" FROM asked GROUP BY "shareId"),
  locked AS (
    SELECT s."id", LEAST(w."count", COALESCE(s."maxDownloads" - s."downloadCount", w."count")) AS "taking"
    FROM "Share" s JOIN wanted w ON w."shareId" = s."id"
    WHERE ${TAKES_MORE}
    ORDER BY s."id"
    FOR UPDATE OF s
  ),
  taken AS (
    UPDATE "Share" s SET "downloadCount" = s."downloadCount" + l."taking" FROM locked l WHERE s."id" = l."id" RETURNING s."id", l."taking"
  ),
  granted AS (SELECT a.* FROM asked a JOIN taken t ON t."id" = a."shareId" WHERE a."place" <= t."taking"),
  recorded AS (
    ${INTO_EVENTS} SELECT e."id", e."shareId", e."recipientId", e."fileId", e."kind", e."at", e."userAgent"
    FROM unnest(${eventArrays(3)}, $10::int8[]) AS e("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent", "grant")
    JOIN granted g ON g."grant" = e."grant"
  ),
  counted AS (
    UPDATE "ShareRecipient" r SET "downloadCount" = r."downloadCount" + c."count"
    FROM (SELECT "recipientId", count(*) AS "count" FROM granted WHERE "recipientId" IS NOT NULL GROUP BY "recipientId") c
    WHERE r."id" = c."recipientId"
  )
  SELECT "grant"::int FROM granted`;
/** A preview's events: one statement, so all or none. */
const RECORD = `${INTO_EVENTS} SELECT * FROM unnest(${eventArrays(1)})`;

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

const loadMany = together(async (hashes: string[]): Promise<Settled<Row[]>[]> => {
  const { rows } = await postgres().query<Row>({ name: 'share-access-load-many', text: LOAD_MANY, values: [[...new Set(hashes)]], types });
  const found = new Map<string, Row[]>();
  for (const row of rows) found.set(row.tokenHash, [...(found.get(row.tokenHash) ?? []), row]);
  return hashes.map((hash) => ({ value: found.get(hash) ?? [] }));
});

/** Which of `batch` GRANT_MANY took (by place), in one statement: all written or none. */
async function grantMany(batch: Asked[]): Promise<boolean[]> {
  const events = batch.flatMap((asked, i) => asked.events.map((event) => ({ event, grant: i + 1 })));
  const values = [batch.map((a) => a.shareId), batch.map((a) => a.recipientId), ...columns(events.map((e) => e.event)), events.map((e) => e.grant)];
  const { rows } = await postgres().query<{ grant: number }>({ name: 'share-access-grant-many', text: GRANT_MANY, values, types });
  const taken = new Set(rows.map((row) => row.grant));
  return batch.map((_, i) => taken.has(i + 1));
}

// A batch that fails is written by none of its grants, so each then runs again on its own: one
// grant's error (a file deleted meanwhile) fails only that grant.
const grantTogether = together(async (batch: Asked[]): Promise<Settled<boolean>[]> => {
  try {
    return (await grantMany(batch)).map((value) => ({ value }));
  } catch (error) {
    if (batch.length === 1) return [{ error }];
    return Promise.all(
      batch.map((asked) =>
        grantMany([asked]).then(
          ([value]) => ({ value: value! }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
  }
});

/**
 * Straight on the pg pool under Prisma's adapter (lib/db.ts), as named statements that each
 * connection parses and plans once. Through Prisma's raw-query path, with unnamed statements
 * parsed and planned on every call, a download cost the app 4.2 ms of CPU and PostgreSQL 2.0;
 * straight on the pool 2.2 and 0.6 (scripts/bench, runs at the same load); loads and grants that
 * arrive together then went as one statement each. Behind PgBouncer in transaction mode, named
 * statements need its max_prepared_statements (1.21 and later).
 */
export const postgresStore: AccessStore = {
  load: loadMany,
  grant: (shareId, events, recipientId) => grantTogether({ shareId, events, recipientId }),
  record: async (events) => {
    await postgres().query({ name: 'share-access-record', text: RECORD, values: columns(events) });
  },
};
