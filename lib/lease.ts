import 'server-only';
import { randomBytes } from 'node:crypto';
import { db, isUniqueViolation } from '@/lib/db';

// Shared background work (the storage sweep, the fills at start) runs on one instance per
// interval when several share the database. Outbox messages and virus scans need no lease: each
// message or file is claimed on its own, so every instance can work through them at once.

/** This process, as a lease holder. */
const HOLDER = randomBytes(8).toString('hex');

/** Leases whose job is running here now. */
const underWay = new Set<string>();

/**
 * Runs `job` if this instance takes the lease `name` for `ttlMs` (it is free, has expired, or is
 * already ours), and says whether it ran. The lease is kept after the job until it expires: the
 * work of this interval is done, so no other instance does it again before the next.
 */
export async function withLease(name: string, ttlMs: number, job: () => Promise<unknown>): Promise<boolean> {
  if (!(await takeLease(name, ttlMs))) return false;
  underWay.add(name);
  try {
    await job();
  } finally {
    underWay.delete(name);
  }
  return true;
}

async function takeLease(name: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  const taken = await db().lease.updateMany({ where: { name, OR: [{ until: { lte: now } }, { holder: HOLDER }] }, data: { holder: HOLDER, until } });
  if (taken.count === 1) return true;
  try {
    await db().lease.create({ data: { name, holder: HOLDER, until } });
    return true;
  } catch (error) {
    // Another instance holds it (or created it a moment ago).
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * On shutdown: the leases of jobs that have not finished are given up, so another instance takes
 * the work over at its next round instead of after the lease expires.
 */
export async function releaseUnfinishedLeases(): Promise<number> {
  if (underWay.size === 0) return 0;
  const { count } = await db().lease.deleteMany({ where: { name: { in: [...underWay] }, holder: HOLDER } });
  return count;
}
