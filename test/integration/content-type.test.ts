// Uploaders declare a file's type, and the bucket sends no `nosniff`. Against the real S3 server:
// every URL the app signs for a download serves HTML, SVG and UTF-7 text as
// application/octet-stream (an attachment), and passive types such as PNG as they are.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFolder, seedUser } from '@/prisma/seed';
import { confirmUpload, prepareUpload } from '@/lib/files/upload';
import { grantDownload } from '@/lib/shares/access';
import { createDirectLink } from '@/lib/files/direct-link';
import { createToken, hashToken } from '@/lib/shares/token';
import { signFileUrl } from '@/lib/storage/download-url';
import { postForm } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5c5a5d70000000049454e44ae426082', 'hex');
const FILES = [
  { name: 'page.html', contentType: 'text/html', body: '<script>document.title = "ran"</script>', served: 'application/octet-stream' },
  { name: 'logo.svg', contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', served: 'application/octet-stream' },
  { name: 'note.html', contentType: 'text/html; charset=utf-7', body: '+ADw-script+AD4-alert(1)+ADw-/script+AD4-', served: 'application/octet-stream' },
  { name: 'dot.png', contentType: 'image/png', body: PNG, served: 'image/png' },
];

async function upload(ownerId: string, folderId: string, file: (typeof FILES)[number]) {
  const body = new Uint8Array(Buffer.from(file.body));
  const prepared = await prepareUpload(ownerId, { name: file.name, size: body.length, contentType: file.contentType, folderId });
  expect((await postForm(prepared.post.url, prepared.post.fields, body, file.contentType)).status).toBe(204);
  await confirmUpload(ownerId, prepared.fileId);
  return prepared.fileId;
}

async function shareOf(ownerId: string, items: { fileId?: string; folderId?: string }[]) {
  const token = createToken();
  await db.share.create({ data: { ownerId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86400_000), items: { create: items } } });
  return token;
}

async function expectServedAs(url: string, contentType: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(contentType);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
}

test('downloads serve active types as application/octet-stream and passive ones as stored', async () => {
  const owner = await seedUser(db);
  const folder = await seedFolder(db, owner.id, { name: 'Site' });
  const ids = [];
  for (const file of FILES) ids.push(await upload(owner.id, folder.id, file));

  // A share of the files themselves (the download route's one read), file by file.
  const token = await shareOf(
    owner.id,
    ids.map((fileId) => ({ fileId })),
  );
  for (const [i, file] of FILES.entries()) {
    const grant = await grantDownload(token, ids[i]!);
    if (!grant.ok) throw new Error(grant.reason);
    await expectServedAs(await signFileUrl(grant.files[0]!), file.served);
  }

  // A shared folder taken whole ("download all").
  const all = await grantDownload(await shareOf(owner.id, [{ folderId: folder.id }]), null);
  if (!all.ok) throw new Error(all.reason);
  expect(all.files).toHaveLength(FILES.length);
  for (const shared of all.files) await expectServedAs(await signFileUrl(shared), FILES.find((f) => f.name === shared.name)!.served);

  // A direct S3 link from the file menu.
  await expectServedAs((await createDirectLink(owner.id, ids[0]!, 60)).url, 'application/octet-stream');
  await expectServedAs((await createDirectLink(owner.id, ids[3]!, 60)).url, 'image/png');
});
