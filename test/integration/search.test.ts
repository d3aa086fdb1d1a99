// Search by name in the files list, on the lane's real database.
import { afterAll, expect, test } from 'vitest';
import { connect, seedUser } from '@/prisma/seed';
import { listFiles, searchWhere } from '@/lib/files/list';

const db = connect();
afterAll(() => db.$disconnect());
const isPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

async function seedMany(ownerId: string, count: number, name: (i: number) => string) {
  await db.file.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      ownerId,
      name: name(i),
      size: 1000 + i,
      contentType: 'application/pdf',
      kind: 'pdf',
      storageKey: `users/${ownerId}/search-${i}`,
      status: 'ready',
    })),
  });
}

test('search finds a word anywhere in a name, in any case, and only in your own files', async () => {
  const owner = await seedUser(db);
  const stranger = await seedUser(db);
  await seedMany(owner.id, 6, (i) => ['Invoice 2026.pdf', 'q3-INVOICE.xlsx', 'my invoice.txt', 'report.pdf', 'invoic.pdf', 'notes.md'][i]!);
  await seedMany(stranger.id, 1, () => 'invoice-of-someone-else.pdf');

  const found = await listFiles({ ownerId: owner.id, folderId: null, query: 'invoice', sort: 'name', dir: 'asc', after: null });
  expect(found.files.map((f) => f.name)).toEqual(['Invoice 2026.pdf', 'my invoice.txt', 'q3-INVOICE.xlsx']);
  const upper = await listFiles({ ownerId: owner.id, folderId: null, query: 'INVOICE', sort: 'name', dir: 'asc', after: null });
  expect(upper.files.map((f) => f.name)).toEqual(found.files.map((f) => f.name));
});

// On PostgreSQL a search is `ILIKE '%…%'`, which no B-tree can serve: with the trigram index
// the planner reads only the names that hold the word, without it the whole table. A full scan
// is cheaper while a table is small, so this user has 30,000 files (written by one INSERT … SELECT
// to be quick), and the query the files list sends for a search is planned as the database
// would plan it for that request.
test.skipIf(!isPostgres)(
  'on PostgreSQL, a search among 30,000 files is served by the trigram index, not a full scan',
  async () => {
    const owner = await seedUser(db);
    await db.$executeRawUnsafe(
      `INSERT INTO "File" ("id", "ownerId", "name", "sortName", "size", "contentType", "kind", "storageKey", "status", "updatedAt")
     SELECT $1 || '-' || g, $1, CASE WHEN g % 1000 = 0 THEN 'Invoice ' || g || '.pdf' ELSE 'report-' || g || '.pdf' END,
            'report ' || g, 1000, 'application/pdf', 'pdf', 'users/' || $1 || '/' || g, 'ready', now()
     FROM generate_series(1, 30000) AS g`,
      owner.id,
    );
    await db.$executeRawUnsafe('ANALYZE "File"');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { PrismaClient } = await import('@/lib/generated/prisma-pg/client');
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: 'event', level: 'query' }] });
    const sent: { query: string; params: string }[] = [];
    logged.$on('query', (event) => sent.push(event));
    try {
      const found = await logged.file.findMany({ where: searchWhere(owner.id, 'INVOICE'), select: { id: true } });
      expect(found).toHaveLength(30);
      const { query, params } = sent.at(-1)!;
      const plan = await logged.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${query}`, ...(JSON.parse(params) as unknown[]));
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on "File_name_trgm_idx"/);
    } finally {
      await logged.$disconnect();
    }
  },
  120_000,
);
