// A presigned POST stays valid for its whole lifetime, so it can be posted again after the file
// was confirmed. Against the real S3 server: the confirmed file's bytes and recorded ETag never
// change, and what a replay leaves behind is swept.
import { createHash } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { confirmUpload, prepareUpload } from '@/lib/files/upload';
import { sweepStorage } from '@/lib/files/sweep';
import { signFileUrl } from '@/lib/storage/download-url';
import { headObject, incomingKeyFor } from '@/lib/storage/s3';
import { postForm, randomBody } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test('posting the same upload form again after confirmation leaves the confirmed file as it was', async () => {
  const user = await seedUser(db);
  const original = randomBody(4096);
  const prepared = await prepareUpload(user.id, { name: 'contract.txt', size: original.length, contentType: 'text/plain', folderId: null });
  expect((await postForm(prepared.post.url, prepared.post.fields, original)).status).toBe(204);
  await confirmUpload(user.id, prepared.fileId);

  // The same form, within its lifetime, with other bytes of the same size: the store takes it...
  expect((await postForm(prepared.post.url, prepared.post.fields, randomBody(original.length))).status).toBe(204);

  // ...but the file still downloads (through the app's own signing) as the bytes that were confirmed.
  const file = await db.file.findUniqueOrThrow({ where: { id: prepared.fileId } });
  const downloaded = new Uint8Array(await (await fetch(await signFileUrl(file))).arrayBuffer());
  expect(sha(downloaded)).toBe(sha(original));
  expect((await headObject(file.storageKey))?.etag).toBe(file.etag);
  expect(file.etag).toBe(`"${createHash('md5').update(original).digest('hex')}"`);

  // What the replay wrote belongs to no upload any more: the sweeper removes it, and only it.
  expect(await headObject(incomingKeyFor(file.storageKey))).not.toBeNull();
  await sweepStorage(new Date(Date.now() + 2 * 3600_000));
  expect(await headObject(incomingKeyFor(file.storageKey))).toBeNull();
  expect((await headObject(file.storageKey))?.etag).toBe(file.etag);
});
