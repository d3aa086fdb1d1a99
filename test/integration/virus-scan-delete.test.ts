// CLAMAV_INFECTED=delete: an infected file's bytes are deleted at once (nothing is quarantined);
// the file stays listed as infected, unshareable, until its owner removes it.
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { EICAR } from '@/test/support/eicar';
import { postForm } from '@/test/support/s3';

process.env.CLAMAV_URL = process.env.TEST_CLAMAV_URL;
process.env.CLAMAV_INFECTED = 'delete';
const { confirmUpload, prepareUpload } = await import('@/lib/files/upload');
const { scanPendingFiles } = await import('@/lib/files/scan');
const { createDirectLink } = await import('@/lib/files/direct-link');
const { listFiles } = await import('@/lib/files/list');
const { headObject, quarantineKeyFor } = await import('@/lib/storage/s3');

const db = connect();
afterAll(async () => {
  delete process.env.CLAMAV_URL;
  delete process.env.CLAMAV_INFECTED;
  await db.$disconnect();
});

test('an infected file is deleted from the bucket, not quarantined, and listed as such', async () => {
  const owner = await seedUser(db);
  const body = new Uint8Array(Buffer.from(EICAR));
  const prepared = await prepareUpload(owner.id, { name: 'setup.exe', size: body.length, contentType: 'application/octet-stream', folderId: null });
  expect((await postForm(prepared.post.url, prepared.post.fields, body, 'application/octet-stream')).status).toBe(204);
  await confirmUpload(owner.id, prepared.fileId);
  const row = async () => db.file.findUniqueOrThrow({ where: { id: prepared.fileId } });
  await expect
    .poll(async () => {
      await scanPendingFiles();
      return (await row()).scanStatus;
    })
    .toBe('infected');

  const file = await row();
  expect(await headObject(file.storageKey)).toBeNull();
  expect(await headObject(quarantineKeyFor(file.storageKey))).toBeNull();
  const listed = await listFiles({ ownerId: owner.id, folderId: null, query: '', sort: 'name', dir: 'asc', after: null });
  expect(listed.files.map((f) => [f.name, f.scan])).toEqual([['setup.exe', 'deleted']]);
  await expect(createDirectLink(owner.id, file.id, 60)).rejects.toThrow('"setup.exe" contained a virus and cannot be shared.');
  // The scanner emails the owner in the background; let it finish before this file's process ends.
  const inbox = `${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(owner.email)}`;
  await expect.poll(async () => ((await (await fetch(inbox)).json()) as { text: string }[]).map((m) => m.text.includes('Its contents were deleted'))).toEqual([true]);
});
