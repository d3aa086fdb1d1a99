import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { readStorage } from '@/lib/storage/health';
import { s3 } from '@/lib/storage/s3';

// Several instances must agree on when a link expires, and the file store must accept the dates
// signed into URLs. Each instance measures how far its clock is from the database's and the
// store's, at start and every few minutes, warns when that is more than 30 s, and corrects for it.
export const WARN_ABOVE_MS = 30_000;
const IGNORE_BELOW_MS = 2_000;

type Offsets = { decisionMs: number; storageMs: number };
const globalForClock = globalThis as unknown as { handoffClock?: Offsets };
const offsets = (globalForClock.handoffClock ??= { decisionMs: 0, storageMs: 0 });

/**
 * Now, on the clock expiry decisions use: the database's, which every instance shares. SQLite's
 * clock is this machine's own, so on SQLite the file store's clock stands in for it.
 */
export function now(): Date {
  return new Date(Date.now() + offsets.decisionMs);
}

/** Now, on the file store's clock: the date presigned URLs are signed with. */
export function storageNow(): Date {
  return new Date(Date.now() + offsets.storageMs);
}

const isSqlite = () => env().DATABASE_URL.startsWith('file:');

/** This clock minus the database's (PostgreSQL); null on SQLite, where they are the same clock. */
async function databaseSkewMs(): Promise<number | null> {
  if (isSqlite()) return null;
  const sentAt = Date.now();
  const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT CURRENT_TIMESTAMP AS "now"`;
  return row ? Math.round((sentAt + Date.now()) / 2 - row.now.getTime()) : null;
}

const correction = (skewMs: number | null) => (skewMs === null || Math.abs(skewMs) < IGNORE_BELOW_MS ? 0 : -skewMs);

function describe(skewMs: number, of: string): string {
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return `[clock] This server's clock is ${seconds} s ${skewMs > 0 ? 'ahead of' : 'behind'} ${of}. Handoff corrects for it, but fix this machine's time (NTP).`;
}

export type ClockSkews = { databaseSkewMs: number | null; storageSkewMs: number | null };

/** How far this clock is from the database's and the file store's, measured now (changes nothing). */
export async function measureClocks(): Promise<ClockSkews> {
  const [database, storage] = await Promise.all([databaseSkewMs(), readStorage()]);
  return { databaseSkewMs: database, storageSkewMs: storage.skewMs };
}

/** Measures the clocks, corrects for what is off and warns about anything far off. */
export async function checkClock(): Promise<ClockSkews> {
  const { databaseSkewMs: database, storageSkewMs } = await measureClocks();
  offsets.decisionMs = correction(isSqlite() ? storageSkewMs : database);
  offsets.storageMs = correction(storageSkewMs);
  // The SDK dates its requests and presigned POST policies with this offset.
  s3().config.systemClockOffset = offsets.storageMs;
  if (database !== null && Math.abs(database) > WARN_ABOVE_MS) console.warn(describe(database, "the database's"));
  if (storageSkewMs !== null && Math.abs(storageSkewMs) > WARN_ABOVE_MS) console.warn(describe(storageSkewMs, "the file store's (its Date header)"));
  return { databaseSkewMs: database, storageSkewMs };
}
