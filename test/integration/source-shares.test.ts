// A bucket people already have, mounted as a storage source: its objects are shared where they
// are (never copied), and an object deleted or replaced outside Handoff after it was shared
// answers "removed", never S3's XML. Real radosgw; the bucket is written with a client of its own.
import { expect, test } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { connect, seedSource, seedUser } from '@/prisma/seed';
import { sourceFile } from '@/lib/sources/objects';
import { createShare } from '@/lib/shares/create';
import { grantDownload } from '@/lib/shares/access';
import { signFileUrl } from '@/lib/storage/download-url';
import { hashToken } from '@/lib/shares/token';
import { createDirectLink } from '@/lib/files/direct-link';
import { previewOwnFile } from '@/lib/files/preview';
import { forgetSourceStore } from '@/lib/sources/store';
import { deleteObject, outsideClient, putObject, sha256 } from '@/test/support/bucket';
import { shareInput } from '@/test/support/share-input';
import { bucketForThisFile } from '@/test/support/source-bucket';

const db = connect();
const bucket = await bucketForThisFile(db);

async function shareOf(user: { id: string; email: string; name: string | null }, fileId: string) {
  const share = await createShare(user, shareInput({ fileIds: [fileId] }));
  return share.url!.split('/s/')[1]!;
}

async function download(token: string) {
  const grant = await grantDownload(token, null, { userAgent: 'test' });
  if (!grant.ok) return grant;
  const response = await fetch(await signFileUrl(grant.files[0]!));
  return { ok: true as const, status: response.status, sha: sha256(new Uint8Array(await response.arrayBuffer())) };
}

test('a source object is shared by reference: the link serves the bucket’s own bytes, and nothing is copied', async () => {
  const ana = await seedUser(db, { name: 'Ana' });
  const source = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/' });
  const body = `quarterly figures ${Math.random()}`;
  await putObject(bucket, `clients/${ana.email}/2026/q3.pdf`, body);

  const fileId = await sourceFile(ana, source.id, '2026/q3.pdf');
  const file = await db.file.findUniqueOrThrow({ where: { id: fileId } });
  expect(file).toMatchObject({ sourceId: source.id, storageKey: `clients/${ana.email}/2026/q3.pdf`, name: 'q3.pdf', size: BigInt(body.length) });
  // The same object again is the same row; nothing was written to the bucket.
  expect(await sourceFile(ana, source.id, '2026/q3.pdf')).toBe(fileId);
  const listed = await outsideClient().send(new ListObjectsV2Command({ Bucket: bucket }));
  expect(listed.Contents?.map((o) => o.Key)).toEqual([`clients/${ana.email}/2026/q3.pdf`]);

  const token = await shareOf(ana, fileId);
  expect(await download(token)).toEqual({ ok: true, status: 200, sha: sha256(body) });
  // Counted and recorded like any download.
  const share = await db.share.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
  expect(share.downloadCount).toBe(1);
});

test('an object deleted after it was shared answers "removed"; one replaced with other bytes too, until shared again', async () => {
  const ana = await seedUser(db);
  const source = await seedSource(db, { bucket, prefix: 'exports/', ownerId: ana.id });
  await putObject(bucket, 'exports/a.csv', 'one', 'text/csv');
  await putObject(bucket, 'exports/b.csv', 'two', 'text/csv');
  const deleted = await shareOf(ana, await sourceFile(ana, source.id, 'a.csv'));
  const replaced = await shareOf(ana, await sourceFile(ana, source.id, 'b.csv'));

  await deleteObject(bucket, 'exports/a.csv');
  await putObject(bucket, 'exports/b.csv', 'two, revised', 'text/csv');
  for (const token of [deleted, replaced]) {
    expect(await download(token)).toMatchObject({ ok: false, status: 410, reason: 'recipient.errors.removed' });
  }
  // Nothing was counted for the refusals.
  expect((await db.share.findFirstOrThrow({ where: { tokenHash: hashToken(deleted) } })).downloadCount).toBe(0);

  // Shared again, the new bytes are a new version of the object, with a link of its own.
  const again = await shareOf(ana, await sourceFile(ana, source.id, 'b.csv'));
  expect(await download(again)).toEqual({ ok: true, status: 200, sha: sha256('two, revised') });
  expect(await download(replaced)).toMatchObject({ ok: false, status: 410 });
});

test('another person’s source, or a key outside the mount, is refused before the bucket is asked', async () => {
  const [ana, bob] = [await seedUser(db), await seedUser(db)];
  const anas = await seedSource(db, { bucket, prefix: 'private/', ownerId: ana.id });
  const everyone = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/' });
  await putObject(bucket, 'private/secret.pdf', 'secret');
  await putObject(bucket, `clients/${ana.email}/mine.pdf`, 'mine');

  await expect(sourceFile(bob, anas.id, 'secret.pdf')).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  await expect(sourceFile(bob, 'no-such-source', 'secret.pdf')).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  await expect(sourceFile(bob, everyone.id, `../${ana.email}/mine.pdf`)).rejects.toMatchObject({ key: 'sources.errors.key.dots' });
  await expect(sourceFile(bob, everyone.id, `..%2f${ana.email}/mine.pdf`)).rejects.toMatchObject({ key: 'sources.errors.key.encoded' });
  await expect(sourceFile(bob, everyone.id, `\u2025/${ana.email}/mine.pdf`)).rejects.toMatchObject({ key: 'sources.errors.key.lookalike' });
  await expect(sourceFile(bob, everyone.id, 'mine.pdf')).rejects.toMatchObject({ key: 'sources.errors.objectGone' });
  expect(await db.file.count({ where: { ownerId: bob.id } })).toBe(0);
});

test('a direct S3 link and the owner’s preview of a source object reach the source’s bucket', async () => {
  const ana = await seedUser(db);
  const source = await seedSource(db, { bucket, prefix: 'exports/', ownerId: ana.id });
  await putObject(bucket, 'exports/notes.txt', 'plain notes', 'text/plain');
  const fileId = await sourceFile(ana, source.id, 'notes.txt');

  const link = await createDirectLink(ana.id, fileId, 60);
  expect(new URL(link.url).pathname).toBe(`/${bucket}/exports/notes.txt`);
  expect(await (await fetch(link.url)).text()).toBe('plain notes');
  expect(await db.directLink.count({ where: { fileId } })).toBe(1);

  const preview = await previewOwnFile(ana.id, fileId);
  expect(preview.kind).toBe('text');
  expect(await (await fetch(preview.url)).text()).toBe('plain notes');
});

test('rows made for a source object do not outlive the access: once the source is narrowed or given to someone else, sharing, linking and previewing them are refused', async () => {
  const [ana, bob] = [await seedUser(db), await seedUser(db)];
  const source = await seedSource(db, { bucket, prefix: 'team/', ownerId: ana.id });
  await putObject(bucket, 'team/plan.txt', 'the plan', 'text/plain');
  const fileId = await sourceFile(ana, source.id, 'plan.txt');

  await db.storageSource.update({ where: { id: source.id }, data: { prefix: 'team/board/' } });
  forgetSourceStore(source.id);
  await expect(shareOf(ana, fileId)).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  await expect(createDirectLink(ana.id, fileId, 60)).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  await expect(previewOwnFile(ana.id, fileId)).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });

  await db.storageSource.update({ where: { id: source.id }, data: { prefix: 'team/', ownerId: bob.id } });
  await expect(shareOf(ana, fileId)).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  expect(await db.share.count({ where: { ownerId: ana.id } })).toBe(0);
  expect(await db.directLink.count({ where: { fileId } })).toBe(0);
});
