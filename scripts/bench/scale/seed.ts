// Seeds the accounts bench:scale measures, in the database DATABASE_URL names (run.sh runs it once
// per database): a "big" user with BENCH_FILES (100,000) ready files and a "small" one with 1,000,
// laid out alike so their pages can be compared, a session for each, and a folder share of the big
// user's "Shared" folder (10,000 files). Rows only: no page measured here reads the objects.
//   big:   10% of the files at the root, 10% in "Shared" (the share), the rest in 80 folders;
//          1,000 of them named "Invoice …" (the search case), the rest reports, photos, sheets.
//   small: the same shares of 1,000 files (100 at the root, 100 in "Shared", 800 in 8 folders).
// Sizes, dates and names come from a fixed-seed generator, so every run seeds the same data.
// Prints {"big": {...}, "small": {...}, "shareToken"} as JSON for bench.mjs.
import { randomBytes } from 'node:crypto';
import { connect, seedApiToken, seedSession, seedUser, type Db } from '../../../prisma/seed';
import { hashToken } from '../../../lib/shares/token';
import { fileKind } from '@/lib/files/kind';

const BATCH = 2000;
const SEARCHED = 'Invoice';

/** mulberry32: small, fast, and the same numbers on every machine. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  { stem: 'Report', ext: 'pdf', type: 'application/pdf' },
  { stem: 'Photo', ext: 'jpg', type: 'image/jpeg' },
  { stem: 'Budget', ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { stem: 'Minutes', ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { stem: 'Export', ext: 'csv', type: 'text/csv' },
];

type Layout = { files: number; folders: number };

async function seedAccount(db: Db, email: string, layout: Layout, seed: number) {
  const random = generator(seed);
  const user = await seedUser(db, { email, name: email.split('@')[0] });
  const session = await seedSession(db, user.id, 30);
  const apiToken = await seedApiToken(db, user.id, { scopes: ['files:read'] });
  const rootCount = layout.files / 10;
  const sharedCount = layout.files / 10;
  const perFolder = (layout.files - rootCount - sharedCount) / layout.folders;
  const shared = await db.folder.create({ data: { ownerId: user.id, name: 'Shared' } });
  const folders = [];
  for (let i = 0; i < layout.folders; i++) folders.push(await db.folder.create({ data: { ownerId: user.id, name: `Project ${i + 1}` } }));
  const placements: { folderId: string | null; count: number }[] = [
    { folderId: null, count: rootCount },
    { folderId: shared.id, count: sharedCount },
    ...folders.map((folder) => ({ folderId: folder.id, count: perFolder })),
  ];
  // 1,000 invoices spread over every folder (a tenth of a small account).
  const invoiceEvery = Math.max(10, layout.files / 1000);
  let n = 0;
  const started = Date.UTC(2025, 0, 1);
  for (const { folderId, count } of placements) {
    for (let done = 0; done < count; done += BATCH) {
      const rows = [];
      for (let i = done; i < Math.min(count, done + BATCH); i++, n++) {
        const kind = TYPES[Math.floor(random() * TYPES.length)]!;
        const isInvoice = n % invoiceEvery === 3;
        const name = isInvoice ? `${SEARCHED} ${String(n).padStart(6, '0')}.pdf` : `${kind.stem} ${String(n).padStart(6, '0')}.${kind.ext}`;
        const type = isInvoice ? 'application/pdf' : kind.type;
        const id = `${seed.toString(36)}f${n.toString(36).padStart(8, '0')}`;
        rows.push({
          id,
          ownerId: user.id,
          folderId,
          name,
          size: BigInt(Math.floor(random() ** 3 * 500_000_000) + 1),
          contentType: type,
          kind: fileKind(type, name),
          storageKey: `users/${user.id}/${id}`,
          status: 'ready',
          createdAt: new Date(started + Math.floor(random() * 365 * 86400_000)),
        });
      }
      await db.file.createMany({ data: rows });
    }
  }
  return { user, session, apiToken, shared, folderId: folders[0]!.id, files: n };
}

async function main() {
  const bigFiles = Number(process.env.BENCH_FILES || 100_000);
  const db = connect(process.env.DATABASE_URL);
  const t0 = performance.now();
  const big = await seedAccount(db, 'bench-big@handoff.test', { files: bigFiles, folders: 80 }, 1);
  const small = await seedAccount(db, 'bench-small@handoff.test', { files: 1000, folders: 8 }, 2);
  const shareToken = randomBytes(32).toString('base64url');
  await db.share.create({
    data: { ownerId: big.user.id, tokenHash: hashToken(shareToken), expiresAt: new Date(Date.now() + 30 * 86400_000), items: { create: [{ folderId: big.shared.id }] } },
  });
  await db.$disconnect();
  console.error(`== seeded ${big.files} + ${small.files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const account = (a: typeof big) => ({ session: a.session, apiToken: a.apiToken, folderId: a.folderId, files: a.files });
  console.log(JSON.stringify({ big: account(big), small: account(small), shareToken, sharedFiles: bigFiles / 10, searched: SEARCHED }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
