// The share page's list, page by page on the real database: the pages together are exactly the
// share's files in their order (its own files, then each folder by path), the summary counts the
// whole share, and a search finds names folded, with % and _ taken as written.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedShare, seedUser } from '@/prisma/seed';
import { listShareFiles } from '@/lib/shares/access';
import { shareFiles } from '@/lib/shares/contents';
import { SHARE_PAGE_SIZE } from '@/lib/shares/share-files';
import { createToken, hashToken } from '@/lib/shares/token';

const db = connect();
afterAll(() => db.$disconnect());

async function everyPage(token: string, search: string) {
  const pages = [await listShareFiles(token, {}, { search, after: null })];
  for (let next = pages[0]!.next; next; next = pages.at(-1)!.next) pages.push(await listShareFiles(token, {}, { search, after: next }));
  return pages;
}

test('the pages of a share of files and folders are its files in order; the summary is the whole share', async () => {
  const owner = await seedUser(db);
  const root = await seedFolder(db, owner.id, { name: 'Board pack' });
  const sub = await seedFolder(db, owner.id, { name: 'Appendix', parentId: root.id });
  const deeper = await seedFolder(db, owner.id, { name: 'figures 10', parentId: sub.id });
  const direct = [];
  for (let i = 1; i <= 3; i++) direct.push(await seedFile(db, owner.id, { name: `cover ${i}.pdf`, size: 100 }));
  for (let i = 1; i <= SHARE_PAGE_SIZE + 10; i++) await seedFile(db, owner.id, { name: `minutes ${i}.pdf`, folderId: root.id, size: 1000 });
  for (const name of ['b.xlsx', 'A.xlsx']) await seedFile(db, owner.id, { name, folderId: sub.id, size: 10 });
  await seedFile(db, owner.id, { name: 'chart.png', folderId: deeper.id, size: 1 });
  await seedFile(db, owner.id, { name: 'not shared.pdf' });
  const token = createToken();
  const share = await seedShare(db, owner.id, direct[0]!.id, { tokenHash: hashToken(token) });
  await db.shareItem.createMany({ data: [...direct.slice(1).map((file) => ({ shareId: share.id, fileId: file.id })), { shareId: share.id, folderId: root.id }] });

  const pages = await everyPage(token, '');
  expect(pages.map((page) => page.files.length)).toEqual([SHARE_PAGE_SIZE, 16]);
  const listed = pages.flatMap((page) => page.files.map((file) => [file.path, file.name, file.id]));
  expect(listed).toEqual((await shareFiles(share.id)).map((file) => [file.path, file.name, file.id]));
  expect(listed.at(-1)).toEqual(['Board pack/Appendix/figures 10', 'chart.png', expect.any(String)]);
  expect(pages[0]!.summary).toEqual({ count: 66, totalBytes: 3 * 100 + 60 * 1000 + 2 * 10 + 1, isPictures: false, matches: 66 });
  expect(pages[1]!.summary).toBeNull();
});

test('search finds folded names anywhere in the share; % and _ are only themselves', async () => {
  const owner = await seedUser(db);
  const root = await seedFolder(db, owner.id, { name: 'Offers' });
  for (const name of ['Résumé.pdf', '50% off.pdf', '50x off.pdf', 'a_b.txt', 'axb.txt']) await seedFile(db, owner.id, { name, folderId: root.id });
  const token = createToken();
  const share = await seedShare(db, owner.id, (await seedFile(db, owner.id, { name: 'RESUME notes.txt' })).id, { tokenHash: hashToken(token) });
  await db.shareItem.create({ data: { shareId: share.id, folderId: root.id } });

  const found = async (search: string) => {
    const [first] = await everyPage(token, search);
    return { names: first!.files.map((file) => file.name), matches: first!.summary?.matches };
  };
  expect(await found('resume')).toEqual({ names: ['RESUME notes.txt', 'Résumé.pdf'], matches: 2 });
  expect(await found('50%')).toEqual({ names: ['50% off.pdf'], matches: 1 });
  expect(await found('%')).toEqual({ names: ['50% off.pdf'], matches: 1 });
  expect(await found('a_b')).toEqual({ names: ['a_b.txt'], matches: 1 });
  expect(await found('nothing like it')).toEqual({ names: [], matches: 0 });
  expect((await found('  ')).matches).toBe(6);
});
