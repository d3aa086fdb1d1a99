import 'server-only';
import { db } from '@/lib/db';

export type Limit = { bucket: string; limit: number; windowMs: number };
/** remaining and resetSeconds: what is left of this window and when it ends (RateLimit headers). */
export type Taken = { ok: true; remaining: number; resetSeconds: number } | { ok: false; retryAfterSeconds: number };

/**
 * Takes `cost` from a fixed-window counter kept in the database, so every app instance counts
 * together. One statement (INSERT … ON CONFLICT … WHERE … RETURNING, the same on SQLite and
 * PostgreSQL) decides: concurrent callers cannot overshoot the limit. A refused call takes nothing.
 */
export async function takeFrom({ bucket, limit, windowMs }: Limit, key: string, cost = 1, now = Date.now()): Promise<Taken> {
  if (cost > limit) return { ok: false, retryAfterSeconds: Math.ceil(windowMs / 1000) };
  const expired = BigInt(now - windowMs);
  const rows = await db().$queryRaw<{ count: number | bigint; windowStart: number | bigint }[]>`
    INSERT INTO "RateLimit" ("bucket", "key", "count", "windowStart") VALUES (${bucket}, ${key}, ${cost}, ${BigInt(now)})
    ON CONFLICT ("bucket", "key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN excluded."count" ELSE "RateLimit"."count" + excluded."count" END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN excluded."windowStart" ELSE "RateLimit"."windowStart" END
    WHERE "RateLimit"."windowStart" <= ${expired} OR "RateLimit"."count" + excluded."count" <= ${limit}
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (row) return { ok: true, remaining: Math.max(limit - Number(row.count), 0), resetSeconds: Math.max(Math.ceil((Number(row.windowStart) + windowMs - now) / 1000), 1) };
  const current = await db().rateLimit.findUnique({ where: { bucket_key: { bucket, key } }, select: { windowStart: true } });
  const endsAt = Number(current?.windowStart ?? BigInt(now)) + windowMs;
  return { ok: false, retryAfterSeconds: Math.max(Math.ceil((endsAt - now) / 1000), 1) };
}

/**
 * Gives back what a call took, once what it was taken for went well: a right code is no guess
 * to hold against anyone. Taking first and giving back after means concurrent callers can never
 * get past the limit while their outcomes are unknown.
 */
export async function giveBack({ bucket }: Limit, key: string, cost = 1): Promise<void> {
  await db().rateLimit.updateMany({ where: { bucket, key, count: { gte: cost } }, data: { count: { decrement: cost } } });
}

/** What is left in the current window (for messages such as "you can invite 12 more"). */
export async function remainingIn({ bucket, limit, windowMs }: Limit, key: string, now = Date.now()): Promise<number> {
  const row = await db().rateLimit.findUnique({ where: { bucket_key: { bucket, key } }, select: { count: true, windowStart: true } });
  if (!row || Number(row.windowStart) <= now - windowMs) return limit;
  return Math.max(limit - row.count, 0);
}

/** Counters of windows long past; the sweeper removes them. */
export async function forgetOldRateLimits(now = Date.now()): Promise<number> {
  const { count } = await db().rateLimit.deleteMany({ where: { windowStart: { lt: BigInt(now - 24 * 3600_000) } } });
  return count;
}
