// Multipart uploads against the real S3 server: parts signed one at a time, resumable from
// ListParts, completed from what S3 lists, and nothing left behind when cancelled.
import { createHash } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { connect, seedUser } from '@/prisma/seed';
import { completeMultipart, signParts, startMultipart, uploadedParts } from '@/lib/files/multipart';
import { cancelUpload } from '@/lib/files/upload';
import { signDownloadUrl } from '@/lib/storage/presign';
import { bucket, s3 } from '@/lib/storage/s3';
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

const openUploads = async (ownerId: string) =>
  (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: `users/${ownerId}/` }))).Uploads ?? [];

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
  const downloaded = new Uint8Array(await (await fetch(await signDownloadUrl(file.storageKey, file.name, 60))).arrayBuffer());
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
