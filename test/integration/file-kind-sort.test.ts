// The files list sorts its "Kind" column by the kind it shows (lib/files/kind.ts), not by MIME
// type: files of one kind stand together whatever types they were uploaded with.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedUser } from '@/prisma/seed';
import { postForm, randomBody } from '@/test/support/s3';
import { confirmUpload, prepareUpload } from '@/lib/files/upload';
import { renameFile } from '@/lib/files/manage';
import { listFiles, type SortDir } from '@/lib/files/list';
import { fileKind } from '@/lib/files/kind';
import { fillMissingKinds } from '@/lib/files/fill-kinds';

const db = connect();
afterAll(() => db.$disconnect());

async function upload(ownerId: string, name: string, contentType: string) {
  const prepared = await prepareUpload(ownerId, { name, size: 100, contentType, folderId: null });
  expect((await postForm(prepared.post.url, prepared.post.fields, randomBody(100), contentType)).status).toBeLessThan(300);
  await confirmUpload(ownerId, prepared.fileId);
  return prepared.fileId;
}

const kinds = async (ownerId: string, dir: SortDir) =>
  (await listFiles({ ownerId, folderId: null, query: '', sort: 'type', dir, after: null })).files.map((f) => fileKind(f.contentType, f.name));

test('the Kind column sorts by kind, and a rename that changes the kind moves the file', async () => {
  const owner = await seedUser(db);
  // By MIME type these would come as text, PDF, Word, image, text.
  const notes = await upload(owner.id, 'notes.txt', 'application/octet-stream');
  await upload(owner.id, 'report.pdf', 'application/pdf');
  await upload(owner.id, 'Minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await upload(owner.id, 'photo.png', 'image/png');
  await upload(owner.id, 'readme.md', 'text/markdown');

  expect(await kinds(owner.id, 'asc')).toEqual(['image', 'pdf', 'text', 'text', 'word']);
  expect(await kinds(owner.id, 'desc')).toEqual(['word', 'text', 'text', 'pdf', 'image']);

  await renameFile(owner.id, notes, 'notes.zip');
  expect(await kinds(owner.id, 'asc')).toEqual(['archive', 'image', 'pdf', 'text', 'word']);
});

test('files stored before kinds were kept get theirs when the server starts', async () => {
  const owner = await seedUser(db);
  const old = await seedFile(db, owner.id, { name: 'old.pdf' });
  await db.file.update({ where: { id: old.id }, data: { kind: '' } });
  await fillMissingKinds(db);
  expect((await db.file.findUniqueOrThrow({ where: { id: old.id } })).kind).toBe('pdf');
});
