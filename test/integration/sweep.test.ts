// Uploads that never complete are swept: their rows and any object that did arrive.
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { sweepPendingUploads } from '@/lib/files/upload';
import { presignUpload } from '@/lib/storage/presign';
import { headObject, storageKeyFor } from '@/lib/storage/s3';
import { createId } from '@/lib/ids';
import { postForm, randomBody } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

async function fileRow(ownerId: string, status: string, ageMs: number) {
  const id = createId();
  return db.file.create({
    data: { id, ownerId, name: `${status}-${id}.txt`, size: 10, contentType: 'text/plain', storageKey: storageKeyFor(ownerId, id), status, createdAt: new Date(Date.now() - ageMs) },
  });
}

test('one sweep removes stale pending uploads and their objects, and nothing else', async () => {
  const user = await seedUser(db);
  const hours = (n: number) => n * 3600_000;
  const arrived = await fileRow(user.id, 'pending', hours(2)); // object uploaded, never confirmed
  const post = await presignUpload(arrived.storageKey, 10, 'text/plain');
  expect((await postForm(post.url, post.fields, randomBody(10))).status).toBeLessThan(300);
  const neverSent = await fileRow(user.id, 'pending', hours(2)); // browser gave up before sending
  const inFlight = await fileRow(user.id, 'pending', 60_000); // still within its upload window
  const ready = await fileRow(user.id, 'ready', hours(48));

  expect(await sweepPendingUploads()).toBeGreaterThanOrEqual(2);

  const left = await db.file.findMany({ where: { ownerId: user.id }, select: { id: true } });
  expect(left.map((f) => f.id).sort()).toEqual([inFlight.id, ready.id].sort());
  expect(await headObject(arrived.storageKey)).toBeNull();
  expect(neverSent.id).not.toBe(inFlight.id);
});
