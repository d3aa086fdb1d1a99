import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type Usage = { used: number; pending: number; quota: number };

/**
 * Bytes in ready files, bytes in uploads still in progress, and the quota: the counters that
 * triggers on File keep in step with every write (see the Usage model), one row read however
 * many files the person has.
 */
export async function storageUsage(ownerId: string): Promise<Usage> {
  const usage = await db().usage.findUnique({ where: { userId: ownerId }, select: { usedBytes: true, pendingBytes: true } });
  return { used: Number(usage?.usedBytes ?? 0), pending: Number(usage?.pendingBytes ?? 0), quota: env().STORAGE_QUOTA };
}
