// Search by name in the files list, on the lane's real database: folded words, literal
// characters, best matches first, paging, and an index that serves it on both databases.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFolder, seedUser } from '@/prisma/seed';
import { listFiles, SORTS, type ListInput, type SortDir } from '@/lib/files/list';
import { deleteFile, renameFile } from '@/lib/files/manage';
import { compareSortKeys } from '@/lib/names/sort-key';
import { fileSearchStatement } from '@/lib/files/name-search';
import { Prisma } from '@/lib/generated/prisma/client';

const db = connect();
afterAll(() => db.$disconnect());
const isPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

async function seedNamed(ownerId: string, names: string[], extra: (i: number) => { size?: number; createdAt?: Date } = () => ({})) {
  await db.file.createMany({
    data: names.map((name, i) => ({
      ownerId,
      name,
      size: extra(i).size ?? 1000 + i,
      createdAt: extra(i).createdAt,
      contentType: 'application/pdf',
      kind: 'pdf',
      storageKey: `users/${ownerId}/search-${i}-${Math.random().toString(36).slice(2)}`,
      status: 'ready',
    })),
  });
}

const search = (ownerId: string, query: string, more: Partial<ListInput> = {}) => listFiles({ ownerId, folderId: null, query, sort: null, dir: 'asc', after: null, ...more });
const names = async (ownerId: string, query: string, more: Partial<ListInput> = {}) => (await search(ownerId, query, more)).files.map((f) => f.name).sort();

test('search folds accents and case both ways, and finds one or two characters too', async () => {
  const owner = await seedUser(db);
  await seedNamed(owner.id, ['Résumé.pdf', 'RESUME-old.txt', 'Straße.txt', 'notes.md', 'Q3 report.pdf', 'aq3x.txt']);

  for (const query of ['resume', 'RÉSU', 'résumé', ' Resume ']) expect(await names(owner.id, query), query).toEqual(['RESUME-old.txt', 'Résumé.pdf']);
  expect(await names(owner.id, 'STRASSE')).toEqual(['Straße.txt']);
  expect(await names(owner.id, 'q3')).toEqual(['Q3 report.pdf', 'aq3x.txt']);
  expect(await names(owner.id, '3')).toEqual(['Q3 report.pdf', 'aq3x.txt']);
  expect(await names(owner.id, 'ß')).toEqual(['Straße.txt']);
  expect(await names(owner.id, 'É')).toEqual(['Q3 report.pdf', 'RESUME-old.txt', 'Résumé.pdf', 'Straße.txt', 'notes.md']);
});

test('quotes, percent signs, underscores, backslashes and search syntax in the words are literal', async () => {
  const owner = await seedUser(db);
  await seedNamed(owner.id, [
    '50% off.pdf',
    '50 percent.pdf',
    'a_b.txt',
    'axb.txt',
    'say "hi".txt',
    'say hi.txt',
    'back\\slash.txt',
    'backslash.txt',
    'this OR that.txt',
    'star*.txt',
  ]);

  expect(await names(owner.id, '%')).toEqual(['50% off.pdf']);
  expect(await names(owner.id, '50%')).toEqual(['50% off.pdf']);
  expect(await names(owner.id, '_')).toEqual(['a_b.txt']);
  expect(await names(owner.id, 'a_b')).toEqual(['a_b.txt']);
  expect(await names(owner.id, '"')).toEqual(['say "hi".txt']);
  expect(await names(owner.id, '"hi"')).toEqual(['say "hi".txt']);
  expect(await names(owner.id, 'y "h')).toEqual(['say "hi".txt']);
  expect(await names(owner.id, '\\')).toEqual(['back\\slash.txt']);
  expect(await names(owner.id, 'k\\s')).toEqual(['back\\slash.txt']);
  expect(await names(owner.id, 's OR t')).toEqual(['this OR that.txt']);
  expect(await names(owner.id, 'star*')).toEqual(['star*.txt']);
  expect(await names(owner.id, 'NEAR(')).toEqual([]);
});

test('a renamed file is found by its new name only, a deleted one not at all, and never another person’s', async () => {
  const owner = await seedUser(db);
  const stranger = await seedUser(db);
  await seedNamed(owner.id, ['draft-contract.pdf', 'old-budget.xlsx']);
  await seedNamed(stranger.id, ['their-contract.pdf', 'budget of someone else.xlsx']);
  const files = await db.file.findMany({ where: { ownerId: owner.id }, select: { id: true, name: true } });
  const draft = files.find((f) => f.name === 'draft-contract.pdf')!;
  const budget = files.find((f) => f.name === 'old-budget.xlsx')!;

  await renameFile(owner.id, draft.id, 'signed agreement.pdf');
  expect(await names(owner.id, 'contract')).toEqual([]);
  expect(await names(owner.id, 'agreement')).toEqual(['signed agreement.pdf']);
  expect(await names(owner.id, 'ag')).toEqual(['signed agreement.pdf']);

  expect(await names(owner.id, 'budget')).toEqual(['old-budget.xlsx']);
  await deleteFile(owner.id, budget.id);
  expect(await names(owner.id, 'budget')).toEqual([]);
  expect(await names(owner.id, 'bu')).toEqual([]);
  expect(await names(stranger.id, 'budget')).toEqual(['budget of someone else.xlsx']);
});

test('the best matches come first: the whole name, then names starting with the words, then words starting with them, then the rest', async () => {
  const owner = await seedUser(db);
  const folder = await seedFolder(db, owner.id, { name: 'Old invoices' });
  await seedFolder(db, owner.id, { name: 'Invoice' });
  await seedFolder(db, owner.id, { name: 'reinvoiced' });
  await seedNamed(owner.id, ['reinvoiced.pdf', 'q3-INVOICE.xlsx', 'Invoice 2026.pdf', 'my invoice.txt', 'invoices.pdf', 'a-reinvoice.pdf', 'invoice', 'notes.md']);

  const found = await search(owner.id, 'invoice');
  expect(found.files.map((f) => f.name)).toEqual(['invoice', 'Invoice 2026.pdf', 'invoices.pdf', 'my invoice.txt', 'q3-INVOICE.xlsx', 'a-reinvoice.pdf', 'reinvoiced.pdf']);
  expect(found.folders.map((f) => f.name)).toEqual(['Invoice', 'Old invoices', 'reinvoiced']);
  expect((await search(owner.id, 'INVOICE', { folderId: folder.id })).files.map((f) => f.name)).toEqual(found.files.map((f) => f.name));

  // A sort asked for wins over the ranking: the page's column links still sort.
  expect((await search(owner.id, 'invoice', { sort: 'name', dir: 'desc' })).files.map((f) => f.name)).toEqual([
    'reinvoiced.pdf',
    'q3-INVOICE.xlsx',
    'my invoice.txt',
    'invoices.pdf',
    'Invoice 2026.pdf',
    'invoice',
    'a-reinvoice.pdf',
  ]);
  expect((await search(owner.id, 'invoice', { sort: 'size', dir: 'asc' })).files.map((f) => f.name)).toEqual([
    'reinvoiced.pdf',
    'q3-INVOICE.xlsx',
    'Invoice 2026.pdf',
    'my invoice.txt',
    'invoices.pdf',
    'a-reinvoice.pdf',
    'invoice',
  ]);
});

test('search results page through every hit once, in every order, without repeats or gaps', { timeout: 120_000 }, async () => {
  const owner = await seedUser(db);
  const stranger = await seedUser(db);
  const start = Date.now();
  // 260 hits in four ranks, with tied names, sizes, types and times; and files that are no hit.
  const hitNames = Array.from({ length: 260 }, (_, i) => ['Plan', `plan-${i % 7}.txt`, `my plan ${i % 5}`, `airplane ${i % 3}`][i % 4]!);
  await seedNamed(owner.id, [...hitNames, ...Array.from({ length: 40 }, (_, i) => `other ${i}.txt`)], (i) => ({
    size: (i % 3) * 1000,
    createdAt: new Date(start - (i % 4) * 60_000),
  }));
  await seedNamed(stranger.id, ['Plan', 'plan-1.txt']);
  const hits = await db.file.findMany({ where: { ownerId: owner.id, searchName: { contains: 'plan' } }, select: { id: true, name: true, sortName: true } });
  expect(hits).toHaveLength(260);
  const rank = (name: string) => (name === 'Plan' ? 0 : name.startsWith('plan') ? 1 : name.startsWith('my') ? 2 : 3);
  const column = { name: 'sortName', date: 'createdAt', size: 'size', type: 'kind' } as const;

  for (const query of ['PLAN', 'pl']) {
    const orders: { sort: ListInput['sort']; dir: SortDir; expected: string[] }[] = [
      {
        sort: null,
        dir: 'asc',
        expected: [...hits].sort((a, b) => rank(a.name) - rank(b.name) || compareSortKeys(a.sortName, b.sortName) || compareSortKeys(a.id, b.id)).map((f) => f.id),
      },
    ];
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as SortDir[]) {
        const expected = await db.file.findMany({ where: { id: { in: hits.map((h) => h.id) } }, orderBy: [{ [column[sort]]: dir }, { id: dir }], select: { id: true } });
        orders.push({ sort, dir, expected: expected.map((f) => f.id) });
      }
    }
    for (const { sort, dir, expected } of orders) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await search(owner.id, query, { sort, dir, after });
        seen.push(...page.files.map((f) => f.id));
        after = page.nextCursor;
        if (after) expect(await search(stranger.id, query, { sort, dir, after })).toMatchObject({ isFirstPage: true, isCursorRefused: true });
      } while (after);
      expect(seen, `${query} ${sort} ${dir}`).toEqual(expected);
    }
  }
});

// On SQLite a search of three characters or more reads the FTS5 trigram table; on PostgreSQL
// LIKE '%…%' on the folded name is served by the trigram index. A full scan is cheaper while a
// table is small, so this user has 30,000 files (written by one statement to be quick), and the
// statement the files list sends is planned as the database would plan it for that request.
test('a search among 30,000 files is served by the trigram index, not a full scan', { timeout: 120_000 }, async () => {
  const owner = await seedUser(db);
  // Inserted in batches: on PostgreSQL each row's usage trigger updates the owner's row, and one
  // transaction updating a row 30,000 times keeps every old version of it until it ends.
  const now = Prisma.raw(isPostgres ? 'now()' : "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')");
  for (let from = 1; from <= 30_000; from += 1000) {
    const series = isPostgres
      ? Prisma.sql`generate_series(${from}::int, ${from + 999}::int) AS s(g)`
      : Prisma.sql`(WITH RECURSIVE s(g) AS (SELECT CAST(${from} AS INTEGER) UNION ALL SELECT g + 1 FROM s WHERE g < ${from + 999}) SELECT g FROM s)`;
    await db.$executeRaw`
      INSERT INTO "File" ("id", "ownerId", "name", "sortName", "searchName", "size", "contentType", "kind", "storageKey", "status", "updatedAt")
      SELECT ${owner.id} || '-' || g, ${owner.id}, CASE WHEN g % 1000 = 0 THEN 'Invoice ' || g || '.pdf' ELSE 'report-' || g || '.pdf' END,
             'report ' || g, CASE WHEN g % 1000 = 0 THEN 'invoice ' || g || '.pdf' ELSE 'report-' || g || '.pdf' END,
             1000, 'application/pdf', 'pdf', 'users/' || ${owner.id} || '/' || g, 'ready', ${now}
      FROM ${series}`;
  }
  await db.$executeRawUnsafe(isPostgres ? 'ANALYZE "File"' : 'ANALYZE');
  expect((await search(owner.id, 'INVOICE')).files).toHaveLength(30);

  const statement = fileSearchStatement(owner.id, 'INVOICE', { sort: 'relevance', dir: 'asc' }, null, 101);
  const plan = isPostgres
    ? (await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${statement}`)).map((row) => row['QUERY PLAN'])
    : (await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${statement}`)).map((row) => row.detail);
  expect(plan.join('\n')).toMatch(isPostgres ? /Bitmap Index Scan on "File_searchName_trgm_idx"/ : /SCAN s VIRTUAL TABLE INDEX/);
});
