// Each user's storage quota is checked when an upload is prepared (uploads in progress count)
// and again when it completes; a refused upload says how much room is left.
import { afterAll, expect, test } from 'vitest';
import { postForm, randomBody } from '@/test/support/s3';

process.env.STORAGE_QUOTA = '10000'; // this file's own quota, set before the configuration is read

const { connect, seedFile, seedUser } = await import('@/prisma/seed');
const { confirmUpload, prepareUpload } = await import('@/lib/files/upload');
const { storageUsage } = await import('@/lib/files/quota');
const { headObject } = await import('@/lib/storage/s3');

const db = connect();
afterAll(() => db.$disconnect());

const prepare = (ownerId: string, name: string, size: number) => prepareUpload(ownerId, { name, size, contentType: 'text/plain', folderId: null });

test('uploads stop at the quota, counting the ones in progress, and say what is left', async () => {
  const user = await seedUser(db);
  const first = await prepare(user.id, 'first.txt', 6000);
  await expect(prepare(user.id, 'second.txt', 5000)).rejects.toThrow('"second.txt" is 5.0 kB, but only 4.0 kB of your 10 kB is free.');

  expect((await postForm(first.post.url, first.post.fields, randomBody(6000))).status).toBeLessThan(300);
  await confirmUpload(user.id, first.fileId);
  expect(await storageUsage(user.id)).toEqual({ used: 6000, pending: 0, quota: 10000 });

  // Prepared while there was room, but another file landed first: refused at completion, and discarded.
  const late = await prepare(user.id, 'late.txt', 4000);
  expect((await postForm(late.post.url, late.post.fields, randomBody(4000))).status).toBeLessThan(300);
  await seedFile(db, user.id, { name: 'landed-first.txt', size: 1000 });
  await expect(confirmUpload(user.id, late.fileId)).rejects.toThrow('"late.txt" no longer fits: 3.0 kB of your 10 kB is free. It was discarded.');
  const lateRow = await db.file.findUnique({ where: { id: late.fileId } });
  expect(lateRow).toBeNull();
  const stored = await db.file.findMany({ where: { ownerId: user.id }, select: { name: true } });
  expect(stored.map((f) => f.name).sort()).toEqual(['first.txt', 'landed-first.txt']);
  expect(await headObject(`users/${user.id}/${late.fileId}`)).toBeNull();
});
