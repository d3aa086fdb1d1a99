// Paging the files list by key on the real database: every order, ties included, and cursors
// that only work for the listing that made them.
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { listFiles, SORTS, type SortDir } from '@/lib/files/list';

const db = connect();
afterAll(() => db.$disconnect());

test('every sort pages through all files once, in order, and its cursors are refused in anyone else’s listing', async () => {
  const owner = await seedUser(db);
  const stranger = await seedUser(db);
  const start = Date.now();
  // 230 files in few distinct sizes, types and times, so most sort values are tied.
  await db.file.createMany({
    data: Array.from({ length: 230 }, (_, i) => ({
      ownerId: owner.id,
      name: `file-${String(i % 37).padStart(2, '0')}.txt`,
      size: (i % 3) * 1000,
      contentType: ['text/plain', 'application/pdf'][i % 2]!,
      kind: ['text', 'pdf'][i % 2]!,
      createdAt: new Date(start - (i % 5) * 60_000),
      storageKey: `users/${owner.id}/list-${i}`,
      status: 'ready',
    })),
  });
  const column = { name: 'sortName', date: 'createdAt', size: 'size', type: 'kind' } as const;

  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as SortDir[]) {
      const base = { ownerId: owner.id, folderId: null, query: '', sort, dir };
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await listFiles({ ...base, after });
        seen.push(...page.files.map((f) => f.id));
        after = page.nextCursor;
        if (after) {
          // The same cursor in a stranger's listing, or in another order, starts over.
          expect(await listFiles({ ...base, ownerId: stranger.id, after })).toMatchObject({ files: [], isFirstPage: true, isCursorRefused: true });
          const other = await listFiles({ ...base, dir: dir === 'asc' ? 'desc' : 'asc', after });
          expect(other).toMatchObject({ isFirstPage: true, isCursorRefused: true });
        }
      } while (after);
      const expected = await db.file.findMany({ where: { ownerId: owner.id }, orderBy: [{ [column[sort]]: dir }, { id: dir }], select: { id: true } });
      expect(expected).toHaveLength(230);
      expect(seen, `${sort} ${dir}`).toEqual(expected.map((f) => f.id));
    }
  }
});

test('subfolders page with the files, first, so a page holds 100 entries however many folders there are', async () => {
  const owner = await seedUser(db);
  const parent = await db.folder.create({ data: { ownerId: owner.id, name: 'Projects' } });
  // 150 subfolders and 60 files: pages of 100 folders, then 50 folders and 50 files, then 10 files.
  const names = Array.from({ length: 150 }, (_, i) => `Project ${i + 1}`);
  for (const name of names) await db.folder.create({ data: { ownerId: owner.id, parentId: parent.id, name } });
  await db.file.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      ownerId: owner.id,
      folderId: parent.id,
      name: `minutes ${i + 1}.txt`,
      size: 60 - i,
      contentType: 'text/plain',
      storageKey: `users/${owner.id}/paged-${i}`,
      status: 'ready',
    })),
  });
  const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

  for (const [sort, dir] of [
    ['name', 'asc'],
    ['name', 'desc'],
    ['size', 'asc'],
    ['date', 'desc'],
  ] as const) {
    const pages: { folders: string[]; files: string[] }[] = [];
    let after: string | null = null;
    do {
      const page = await listFiles({ ownerId: owner.id, folderId: parent.id, query: '', sort, dir, after });
      pages.push({ folders: page.folders.map((f) => f.name), files: page.files.map((f) => f.name) });
      after = page.nextCursor;
    } while (after);
    expect(
      pages.map((p) => [p.folders.length, p.files.length]),
      `${sort} ${dir}`,
    ).toEqual([
      [100, 0],
      [50, 50],
      [0, 10],
    ]);
    // Folders by name (the way asked when the list is by name, else A to Z), each once.
    const folders = pages.flatMap((p) => p.folders);
    const byName = [...names].sort(natural);
    expect(folders).toEqual(sort === 'name' && dir === 'desc' ? byName.reverse() : byName);
    expect(new Set(pages.flatMap((p) => p.files)).size).toBe(60);
  }
});

test('a page that ends on the last folder points on to the files, and an empty folder has one page', async () => {
  const owner = await seedUser(db);
  for (let i = 0; i < 100; i++) await db.folder.create({ data: { ownerId: owner.id, name: `Box ${i}` } });
  const input = { ownerId: owner.id, folderId: null, query: '', sort: null, dir: 'asc' as const };
  const first = await listFiles({ ...input, after: null });
  expect([first.folders.length, first.files.length, first.nextCursor]).toEqual([100, 0, null]);

  await db.file.create({ data: { ownerId: owner.id, name: 'after the boxes.txt', size: 1, contentType: 'text/plain', storageKey: `users/${owner.id}/after`, status: 'ready' } });
  const again = await listFiles({ ...input, after: null });
  expect([again.folders.length, again.files.length]).toEqual([100, 0]);
  const second = await listFiles({ ...input, after: again.nextCursor });
  expect(second).toMatchObject({ folders: [], files: [{ name: 'after the boxes.txt' }], nextCursor: null, isFirstPage: false, isCursorRefused: false });
});
