import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type Usage = { used: number; pending: number; quota: number };

/** Bytes in ready files, bytes in uploads still in progress, and the quota. */
export async function storageUsage(ownerId: string): Promise<Usage> {
  const rows = await db().file.groupBy({ by: ['status'], where: { ownerId, sourceId: null }, _sum: { size: true } });
  const sum = (status: string) => Number(rows.find((row) => row.status === status)?._sum.size ?? 0);
  return { used: sum('ready'), pending: sum('pending'), quota: env().STORAGE_QUOTA };
}
