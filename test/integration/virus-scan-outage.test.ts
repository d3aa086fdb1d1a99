// clamd down: files wait, are never passed as clean, and are scanned once clamd answers again.
// "clamd" here is the address the app is configured with: closed at first, then a plain TCP
// relay to the real clamd that scripts/test.sh started.
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { connect as connectDb, seedUser } from '@/prisma/seed';
import { postForm } from '@/test/support/s3';
import { shareInput } from '@/test/support/share-input';

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});
process.env.CLAMAV_URL = `tcp://127.0.0.1:${port}`;
const { confirmUpload, prepareUpload } = await import('@/lib/files/upload');
const { scanPendingFiles } = await import('@/lib/files/scan');
const { createShare } = await import('@/lib/shares/create');
const { clamdAddress } = await import('@/lib/scan/clamd');

const db = connectDb();
afterAll(async () => {
  delete process.env.CLAMAV_URL;
  await db.$disconnect();
});

test('while clamd cannot be reached a file stays pending and unshareable; when it is back, the file is scanned', async () => {
  const owner = await seedUser(db);
  const body = new Uint8Array(Buffer.from('quarterly numbers'));
  const prepared = await prepareUpload(owner.id, { name: 'numbers.csv', size: body.length, contentType: 'text/csv', folderId: null });
  expect((await postForm(prepared.post.url, prepared.post.fields, body, 'text/csv')).status).toBe(204);
  await confirmUpload(owner.id, prepared.fileId);
  const status = async () => (await db.file.findUniqueOrThrow({ where: { id: prepared.fileId } })).scanStatus;

  // The confirmation started a round of its own; whichever round holds the file, none passes it.
  for (let round = 0; round < 3; round++) await scanPendingFiles();
  await expect.poll(status).toBe('pending');
  const share = shareInput({ fileIds: [prepared.fileId] });
  await expect(createShare(owner, share)).rejects.toThrow('"numbers.csv" is still being checked for viruses.');

  const relay = createServer((client) => {
    const upstream = connect(clamdAddress(process.env.TEST_CLAMAV_URL!));
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  try {
    expect(await scanPendingFiles()).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('clean');
    await createShare(owner, share);
  } finally {
    await new Promise((resolve) => relay.close(resolve));
  }
});
