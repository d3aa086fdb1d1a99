// Uploads that never complete are swept: their rows and any object that did arrive.
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { sweepPendingUploads } from '@/lib/files/upload';
import { presignUpload } from '@/lib/storage/presign';
import { headObject, incomingKeyFor, storageKeyFor } from '@/lib/storage/s3';
import { createId } from '@/lib/ids';
import { postForm, randomBody } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

async function fileRow(ownerId: string, status: string, ageMs: number) {
  const id = createId();
  return db.file.create({
    data: {
      id,
      ownerId,
      name: `${status}-${id}.txt`,
      size: 10,
      contentType: 'text/plain',
      storageKey: storageKeyFor(ownerId, id),
      status,
      createdAt: new Date(Date.now() - ageMs),
    },
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

test('after uploads abandoned in every way, one sweep leaves the bucket and the database in agreement', async () => {
  const { CreateMultipartUploadCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand } = await import('@aws-sdk/client-s3');
  const { sweepStorage } = await import('@/lib/files/sweep');
  const { bucket, s3 } = await import('@/lib/storage/s3');
  const user = await seedUser(db);
  const put = (key: string) => s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: randomBody(10) }));

  const kept = await fileRow(user.id, 'ready', 0); // a real file: row and object
  await put(kept.storageKey);
  const unconfirmed = await fileRow(user.id, 'pending', 0); // object arrived, never confirmed
  await put(unconfirmed.storageKey);
  await fileRow(user.id, 'pending', 0); // browser gave up before sending
  await put(storageKeyFor(user.id, 'orphan-no-row')); // a row deleted, its object left behind
  const halfDeleted = await fileRow(user.id, 'deleting', 0); // the store failed during a delete
  await put(halfDeleted.storageKey);
  // Incoming objects (where presigned POSTs land): kept while their upload is pending, removed
  // once the file is ready (a replayed form) or gone. As seen from the sweep's moment below,
  // `inFlight` started a minute ago, while its incoming object is past the maximum age.
  const inFlight = await fileRow(user.id, 'pending', -2 * 3600_000 + 60_000);
  await put(incomingKeyFor(inFlight.storageKey));
  await put(incomingKeyFor(kept.storageKey)); // the form of a confirmed file, posted again
  await put(incomingKeyFor(storageKeyFor(user.id, 'gone'))); // a replay for a file since deleted
  // Quarantine: an infected file's object stays while its row does; one whose row is gone goes.
  const quarantined = await db.file.create({
    data: {
      ownerId: user.id,
      name: 'bad.exe',
      size: 10,
      contentType: 'application/octet-stream',
      storageKey: `quarantine/users/${user.id}/bad`,
      status: 'ready',
      scanStatus: 'infected',
    },
  });
  await put(quarantined.storageKey);
  await put(`quarantine/users/${user.id}/deleted-since`);
  const multipart = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: storageKeyFor(user.id, 'abandoned-multipart') }));
  await s3().send(
    new UploadPartCommand({ Bucket: bucket(), Key: storageKeyFor(user.id, 'abandoned-multipart'), UploadId: multipart.UploadId, PartNumber: 1, Body: randomBody(5 * 1024 * 1024) }),
  );

  // Sweep as if the maximum age had passed for all of them.
  const report = await sweepStorage(new Date(Date.now() + 2 * 3600_000));
  expect(report.multipartUploads).toBeGreaterThanOrEqual(1);
  expect(report.orphanObjects).toBeGreaterThanOrEqual(1);
  expect(report.unfinishedDeletes).toBeGreaterThanOrEqual(1);

  const prefix = `users/${user.id}/`;
  const objects = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix }));
  const uploads = await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: prefix }));
  const rows = await db.file.findMany({ where: { ownerId: user.id }, select: { storageKey: true, status: true } });
  expect((objects.Contents ?? []).map((o) => o.Key).sort()).toEqual([kept.storageKey, incomingKeyFor(inFlight.storageKey)].sort());
  expect(uploads.Uploads ?? []).toEqual([]);
  expect(rows.sort((a, b) => a.status.localeCompare(b.status) || a.storageKey.localeCompare(b.storageKey))).toEqual([
    { storageKey: inFlight.storageKey, status: 'pending' },
    { storageKey: quarantined.storageKey, status: 'ready' },
    { storageKey: kept.storageKey, status: 'ready' },
  ]);
  const quarantine = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: `quarantine/users/${user.id}/` }));
  expect((quarantine.Contents ?? []).map((o) => o.Key)).toEqual([quarantined.storageKey]);
});
