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
