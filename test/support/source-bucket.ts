// The bucket of a test file about storage sources (vitest only: it registers the file's cleanup).
import { afterAll } from 'vitest';
import type { Db } from '@/prisma/seed';
import { newBucket } from '@/test/support/bucket';

/**
 * A new bucket for this test file. When the file ends, the sources mounted for everyone on it go
 * (they would show on every later test's files page), and so does the file's connection.
 */
export async function bucketForThisFile(db: Db): Promise<string> {
  const bucket = await newBucket();
  afterAll(async () => {
    await db.storageSource.deleteMany({ where: { bucket, ownerId: null } });
    await db.$disconnect();
  });
  return bucket;
}
