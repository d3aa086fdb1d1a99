// Natural name order on the real database: files paged by key, folders, and the files a share
// holds, all in the order of lib/names/sort-key.ts, whichever way the names were written.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedShare, seedUser } from '@/prisma/seed';
import { listFiles, type SortDir } from '@/lib/files/list';
import { createFolder, renameFile, renameFolder } from '@/lib/files/manage';
import { insertPendingFile } from '@/lib/files/upload';
import { createRequest, folderChoices } from '@/lib/requests/manage';
import { shareFiles } from '@/lib/shares/contents';
import { listShares } from '@/lib/shares/list';
import { shareDetail } from '@/lib/shares/detail';
import { nameSortKey, sortByNames } from '@/lib/names/sort-key';

const db = connect();
afterAll(() => db.$disconnect());

const BASES = [
  'apple',
  'Apple',
  'Äpfel',
  'banana',
  'Daten',
  'données été',
  'file',
  'File',
  'Zebra',
  'zèbre',
  'résumé',
  'Straße',
  'Ωmega',
  '東京',
  'ıstanbul',
  'Istanbul',
  'éclair',
];
const ENDINGS = ['', ' 2', ' 10', ' 007', ' 7', ' 100', ' 1.5', '.txt', ' 2.txt', ' 10.txt', '-final', '_v2', '.tar.gz', ' 20000000000000000001'];
const NAMES = BASES.flatMap((base) => ENDINGS.map((ending) => `${base}${ending}`));

/** The rule's order, names alike broken by id as the database breaks them. */
function expectedOrder(rows: { id: string; name: string }[]): string[] {
  const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  return sortByNames(byId, (row) => [row.name]).map((row) => row.id);
}

async function everyPage(ownerId: string, dir: SortDir) {
  const seen: string[] = [];
  let pages = 0;
  let after: string | null = null;
  do {
    const page = await listFiles({ ownerId, folderId: null, query: '', sort: 'name', dir, after });
    seen.push(...page.files.map((f) => f.id));
    after = page.nextCursor;
    pages += 1;
  } while (after);
  return { seen, pages };
}

test('files page by key in natural name order both ways, each file once, however the name was written', async () => {
  const owner = await seedUser(db);
  // Most through a test fixture, some as an upload writes them, some renamed, and a few twins.
  const [uploaded, renamed, rest] = [NAMES.slice(0, 20), NAMES.slice(20, 40), NAMES.slice(40)];
  await db.file.createMany({
    data: [...rest, 'Zebra', 'zebra'].map((name, i) => ({ ownerId: owner.id, name, size: 1, contentType: 'text/plain', storageKey: `users/${owner.id}/n${i}`, status: 'ready' })),
  });
  for (const [i, name] of uploaded.entries()) {
    await insertPendingFile(owner.id, { name, size: 1, contentType: 'text/plain', folderId: null }, { id: `up${owner.id}${i}`, storageKey: `users/${owner.id}/up${i}` });
  }
  await db.file.updateMany({ where: { ownerId: owner.id }, data: { status: 'ready' } });
  for (const name of renamed) {
    const file = await seedFile(db, owner.id, { name: `Zz placeholder ${name}` });
    await renameFile(owner.id, file.id, name);
  }

  const rows = await db.file.findMany({ where: { ownerId: owner.id }, select: { id: true, name: true } });
  expect(rows).toHaveLength(NAMES.length + 2);
  const expected = expectedOrder(rows);
  const ascending = await everyPage(owner.id, 'asc');
  expect(ascending.pages).toBeGreaterThanOrEqual(3);
  expect(ascending.seen).toEqual(expected);
  const descending = await everyPage(owner.id, 'desc');
  expect(descending.seen).toEqual([...expected].reverse());

  // As a person reads it.
  const nameOf = new Map(rows.map((row) => [row.id, row.name]));
  const readable = [
    'Äpfel',
    'apple 2',
    'Apple 10',
    'apple 100',
    'Daten',
    'données été',
    'éclair',
    'file 2.txt',
    'File 10.txt',
    'Istanbul',
    'ıstanbul 2',
    'résumé',
    'Straße',
    'Zebra 2',
    'zèbre',
    'Ωmega',
    '東京',
  ];
  expect(ascending.seen.map((id) => nameOf.get(id)).filter((name) => readable.includes(name!))).toEqual(readable);
});

test('folders, new, renamed or made for an upload request, list in natural name order', async () => {
  const owner = await seedUser(db);
  for (const name of ['Zebra', 'photos 10', 'Photos 2', 'Économie']) await createFolder(owner.id, null, name);
  const later = await createFolder(owner.id, null, 'temporary');
  await renameFolder(owner.id, later.id, 'archive');
  const request = { message: null, expiresAt: new Date(Date.now() + 86400_000), password: null, maxFiles: null, maxFileSize: null, allowedTypes: [], folderId: null };
  await createRequest(owner.id, { ...request, title: 'invoices 3' });
  const { folders } = await listFiles({ ownerId: owner.id, folderId: null, query: '', sort: 'name', dir: 'asc', after: null });
  expect(folders.map((f) => f.name)).toEqual(['archive', 'Économie', 'invoices 3', 'Photos 2', 'photos 10', 'Zebra']);
  const reversed = await listFiles({ ownerId: owner.id, folderId: null, query: '', sort: 'name', dir: 'desc', after: null });
  expect(reversed.folders.map((f) => f.name)).toEqual(['Zebra', 'photos 10', 'Photos 2', 'invoices 3', 'Économie', 'archive']);
  const stored = await db.folder.findMany({ where: { ownerId: owner.id }, select: { name: true, sortName: true } });
  for (const folder of stored) expect(folder.sortName, folder.name).toBe(nameSortKey(folder.name));
});

test('a shared folder lists its files in natural name order, folder by folder', async () => {
  const owner = await seedUser(db);
  const root = await seedFolder(db, owner.id, { name: 'Trip' });
  const later = await seedFolder(db, owner.id, { name: 'day 10', parentId: root.id });
  const early = await seedFolder(db, owner.id, { name: 'Day 2', parentId: root.id });
  for (const name of ['Zebra.jpg', 'apple.jpg', 'IMG 10.jpg', 'img 9.jpg']) await seedFile(db, owner.id, { name, folderId: root.id });
  await seedFile(db, owner.id, { name: 'été.jpg', folderId: later.id });
  await seedFile(db, owner.id, { name: 'b.jpg', folderId: early.id });
  const file = await seedFile(db, owner.id, { name: 'ignored.pdf' });
  const share = await seedShare(db, owner.id, file.id);
  await db.shareItem.deleteMany({ where: { shareId: share.id } });
  await db.shareItem.create({ data: { shareId: share.id, folderId: root.id } });

  const listed = await shareFiles(share.id);
  expect(listed.map((f) => `${f.path}/${f.name}`)).toEqual(['Trip/apple.jpg', 'Trip/img 9.jpg', 'Trip/IMG 10.jpg', 'Trip/Zebra.jpg', 'Trip/Day 2/b.jpg', 'Trip/day 10/été.jpg']);
});

test('the files of a share, and the folders to send requests into, list in natural name order', async () => {
  const owner = await seedUser(db);
  const files = [];
  for (const name of ['Zebra.txt', 'file 10.txt', 'apple.txt', 'file 2.txt']) files.push(await seedFile(db, owner.id, { name }));
  const share = await seedShare(db, owner.id, files[0]!.id);
  await db.shareItem.createMany({ data: files.slice(1).map((file) => ({ shareId: share.id, fileId: file.id })) });
  const inOrder = ['apple.txt', 'file 2.txt', 'file 10.txt', 'Zebra.txt'];
  expect((await listShares(owner.id, null)).shares[0]!.files.map((f) => f.name)).toEqual(inOrder);
  expect((await shareDetail(owner.id, share.id))!.items.map((item) => item.name)).toEqual(inOrder);

  const top = await seedFolder(db, owner.id, { name: 'Projects 10' });
  await seedFolder(db, owner.id, { name: 'b', parentId: top.id });
  const second = await seedFolder(db, owner.id, { name: 'projects 2' });
  await seedFolder(db, owner.id, { name: 'Été', parentId: second.id });
  await seedFolder(db, owner.id, { name: 'draft', parentId: second.id });
  expect((await folderChoices(owner.id)).map((f) => f.path)).toEqual(['projects 2', 'projects 2 / draft', 'projects 2 / Été', 'Projects 10', 'Projects 10 / b']);
});

test('every way of writing a name writes its key: created, many at once, updated, set, upserted', async () => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id, { name: 'first.txt' });
  const keyOf = async () => (await db.file.findUniqueOrThrow({ where: { id: file.id }, select: { sortName: true } })).sortName;
  expect(await keyOf()).toBe(nameSortKey('first.txt'));
  await db.file.update({ where: { id: file.id }, data: { name: { set: 'Été 2.txt' } } });
  expect(await keyOf()).toBe(nameSortKey('Été 2.txt'));
  await db.file.update({ where: { id: file.id }, data: { size: 5 } });
  expect(await keyOf()).toBe(nameSortKey('Été 2.txt'));

  const folder = { ownerId: owner.id, name: 'Draft 10' };
  const made = await db.folder.upsert({ where: { id: `f${owner.id}` }, create: { id: `f${owner.id}`, ...folder }, update: {} });
  expect(made.sortName).toBe(nameSortKey('Draft 10'));
  const renamed = await db.folder.upsert({ where: { id: made.id }, create: folder, update: { name: 'draft 9' } });
  expect(renamed.sortName).toBe(nameSortKey('draft 9'));
  const [many] = await db.folder.createManyAndReturn({ data: [{ ownerId: owner.id, name: 'ÉTÉ' }] });
  expect(many!.sortName).toBe(nameSortKey('ÉTÉ'));
});
