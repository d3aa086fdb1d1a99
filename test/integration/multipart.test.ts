// Multipart uploads against the real S3 server: parts signed one at a time, resumable from
// ListParts, completed from what S3 lists, and nothing left behind when cancelled.
import { createHash } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { ListMultipartUploadsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { connect, seedUser } from '@/prisma/seed';
import { completeMultipart, signParts, startMultipart, uploadedParts } from '@/lib/files/multipart';
import { cancelUpload } from '@/lib/files/upload';
import { signDownloadUrl } from '@/lib/storage/presign';
import { bucket, headObject, s3 } from '@/lib/storage/s3';
import { randomBody } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

const SIZE = 12_000_000; // three parts of 5 MiB (the suite's MULTIPART_PART_SIZE), the last one smaller
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function putPart(ownerId: string, fileId: string, body: Uint8Array<ArrayBuffer>, partNumber: number, partSize: number) {
  const [signed] = await signParts(ownerId, fileId, [partNumber]);
  expect(signed!.url).not.toMatch(/x-amz-checksum/i);
  const response = await fetch(signed!.url, { method: 'PUT', body: body.slice((partNumber - 1) * partSize, partNumber * partSize) });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBeTruthy();
}

const openUploads = async (ownerId: string) => (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: `users/${ownerId}/` }))).Uploads ?? [];

test('a file in parts completes, resumes from what is stored, and downloads byte for byte', async () => {
  const user = await seedUser(db);
  const body = randomBody(SIZE);
  const plan = await startMultipart(user.id, { name: 'video.mp4', size: SIZE, contentType: 'video/mp4', folderId: null });
  expect(plan.partCount).toBe(3);

  await putPart(user.id, plan.fileId, body, 1, plan.partSize);
  await expect(completeMultipart(user.id, plan.fileId)).rejects.toThrow('"video.mp4" is missing 2 of its 3 parts.');
  // As after a reload: the stored part is listed, so only the others are sent.
  const listed = await uploadedParts(user.id, plan.fileId);
  expect(listed.parts.map((p) => p.partNumber)).toEqual([1]);
  for (const n of [2, 3]) await putPart(user.id, plan.fileId, body, n, plan.partSize);
  await completeMultipart(user.id, plan.fileId);

  const file = await db.file.findUniqueOrThrow({ where: { id: plan.fileId } });
  expect(file).toMatchObject({ status: 'ready', uploadId: null });
  const downloaded = new Uint8Array(await (await fetch(await signDownloadUrl(file, 60))).arrayBuffer());
  expect(downloaded.length).toBe(SIZE);
  expect(sha(downloaded)).toBe(sha(body));
  expect(await openUploads(user.id)).toEqual([]);
});

test('part URLs are only signed for the owner and for parts of the upload', async () => {
  const owner = await seedUser(db);
  const other = await seedUser(db);
  const plan = await startMultipart(owner.id, { name: 'big.bin', size: SIZE, contentType: 'application/octet-stream', folderId: null });
  await expect(signParts(other.id, plan.fileId, [1])).rejects.toThrow('cancelled or has expired');
  await expect(signParts(owner.id, plan.fileId, [4])).rejects.toThrow('That part is not in this upload.');
  await cancelUpload(owner.id, plan.fileId);
});

test('cancel aborts the multipart upload in S3 and removes the row', async () => {
  const user = await seedUser(db);
  const body = randomBody(SIZE);
  const plan = await startMultipart(user.id, { name: 'cancel-me.bin', size: SIZE, contentType: 'application/octet-stream', folderId: null });
  await putPart(user.id, plan.fileId, body, 1, plan.partSize);
  expect(await openUploads(user.id)).toHaveLength(1);
  await cancelUpload(user.id, plan.fileId);
  expect(await openUploads(user.id)).toEqual([]);
  expect(await db.file.findUnique({ where: { id: plan.fileId } })).toBeNull();
});

test("a part URL takes exactly its own part's size: more, less or another part's size is refused", async () => {
  const user = await seedUser(db);
  const plan = await startMultipart(user.id, { name: 'sized.bin', size: SIZE, contentType: 'application/octet-stream', folderId: null });
  const lastSize = SIZE - 2 * plan.partSize;
  const [first, last] = await signParts(user.id, plan.fileId, [1, 3]);
  const put = (url: string, size: number) => fetch(url, { method: 'PUT', body: randomBody(size) });

  expect((await put(first!.url, 40 * 1024 * 1024)).status).toBe(403);
  expect((await put(first!.url, plan.partSize + 1)).status).toBe(403);
  expect((await put(first!.url, plan.partSize - 1)).status).toBe(403);
  expect((await put(last!.url, plan.partSize)).status).toBe(403);
  expect((await uploadedParts(user.id, plan.fileId)).parts).toEqual([]);

  expect((await put(first!.url, plan.partSize)).status).toBe(200);
  expect((await put(last!.url, lastSize)).status).toBe(200);
  expect((await uploadedParts(user.id, plan.fileId)).parts.map((p) => [p.partNumber, p.size])).toEqual([
    [1, plan.partSize],
    [3, lastSize],
  ]);
  await cancelUpload(user.id, plan.fileId);
});

test('completion refuses parts of the wrong sizes even when they add up, and discards the upload', async () => {
  const user = await seedUser(db);
  const plan = await startMultipart(user.id, { name: 'reshaped.bin', size: SIZE, contentType: 'application/octet-stream', folderId: null });
  const file = await db.file.findUniqueOrThrow({ where: { id: plan.fileId } });
  // As a store that ignored the signed size would take them: part 1 too large, part 3 too small, same total.
  const sizes = [plan.partSize + 1000, plan.partSize, SIZE - 2 * plan.partSize - 1000];
  for (const [i, size] of sizes.entries()) {
    await s3().send(new UploadPartCommand({ Bucket: bucket(), Key: file.storageKey, UploadId: file.uploadId!, PartNumber: i + 1, Body: randomBody(size) }));
  }
  await expect(completeMultipart(user.id, plan.fileId)).rejects.toThrow(
    `"reshaped.bin" arrived wrong (part 1 has ${plan.partSize + 1000} bytes instead of ${plan.partSize}); it was discarded. Upload it again.`,
  );
  expect(await db.file.findUnique({ where: { id: plan.fileId } })).toBeNull();
  expect(await openUploads(user.id)).toEqual([]);
  expect(await headObject(file.storageKey)).toBeNull();
});

test('a multipart upload cannot be replayed: after completion its part URLs change nothing', async () => {
  const user = await seedUser(db);
  const body = randomBody(SIZE);
  const plan = await startMultipart(user.id, { name: 'final.bin', size: SIZE, contentType: 'application/octet-stream', folderId: null });
  const urls = await signParts(user.id, plan.fileId, [1, 2, 3]);
  for (const [i, signed] of urls.entries()) {
    const part = body.slice(i * plan.partSize, (i + 1) * plan.partSize);
    expect((await fetch(signed.url, { method: 'PUT', body: part })).status).toBe(200);
  }
  await completeMultipart(user.id, plan.fileId);
  const file = await db.file.findUniqueOrThrow({ where: { id: plan.fileId } });

  // The upload id died at completion: the same URL, still within its lifetime, is refused.
  const replay = await fetch(urls[0]!.url, { method: 'PUT', body: randomBody(plan.partSize) });
  expect(replay.status).toBe(404);
  expect(await replay.text()).toContain('NoSuchUpload');
  expect(await openUploads(user.id)).toEqual([]);
  const downloaded = new Uint8Array(await (await fetch(await signDownloadUrl(file, 60))).arrayBuffer());
  expect(sha(downloaded)).toBe(sha(body));
  expect((await headObject(file.storageKey))?.etag).toBe(file.etag);
});
