// `npm run backup` taken while the app writes, and `npm run restore` into a scratch database (a
// copy file for SQLite, a second database for PostgreSQL: whichever DATABASE_URL this lane uses),
// give back the data exactly as it was when the backup was taken, and the share still opens.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect, seedFile, seedUser, uniqueEmail, type Db } from '@/prisma/seed';
import { createToken, hashToken } from '@/lib/shares/token';

const liveUrl = process.env.DATABASE_URL!;
const isPostgres = /^postgres(ql)?:/.test(liveUrl);
const work = path.join(tmpdir(), `handoff-backup-${randomBytes(4).toString('hex')}`);
const scratchName = `handoff_restore_${randomBytes(4).toString('hex')}`;
const scratchUrl = isPostgres ? Object.assign(new URL(liveUrl), { pathname: `/${scratchName}` }).href : `file:${work}/restored.db`;
const live = connect(liveUrl);
// Each test starts the scripts as separate Node processes, which a busy machine makes slow.
const SCRIPTS_TIMEOUT_MS = 120_000;

/** Runs scripts/<name>.mjs as `npm run <name>` would, against the database at `url`. */
function runScript(name: 'backup' | 'restore', file: string, url: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`scripts/${name}.mjs`, file], { env: { ...process.env, DATABASE_URL: url } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

async function withServer<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: liveUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

async function tableNames(db: Db): Promise<string[]> {
  const sql = isPostgres
    ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
  return (await db.$queryRawUnsafe<{ name: string }[]>(sql)).map((row) => row.name);
}

/** Rows in every table but the one the writer below keeps adding to. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const names = (await tableNames(db)).filter((name) => name !== 'AccessEvent');
  const counts = await Promise.all(names.map(async (name) => (await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT count(*) AS n FROM "${name}"`))[0]!.n));
  return Object.fromEntries(names.map((name, i) => [name, Number(counts[i])]));
}

async function fixture(db: Db, shareId: string, fileId: string, userId: string) {
  return {
    user: await db.user.findUnique({ where: { id: userId } }),
    file: await db.file.findUnique({ where: { id: fileId } }),
    share: await db.share.findUnique({ where: { id: shareId }, include: { items: true, recipients: true } }),
  };
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The app runs SQLite in WAL mode (lib/db.ts): recent writes live in the -wal file, which a
  // copy of the database file alone would miss.
  if (!isPostgres) await live.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  if (isPostgres) await withServer((admin) => admin.query(`CREATE DATABASE ${scratchName}`));
});

afterAll(async () => {
  await live.$disconnect();
  if (isPostgres) await withServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`));
  rmSync(work, { recursive: true, force: true });
});

test(
  'a backup taken during writes restores exactly the data of its moment, and its share still opens',
  async () => {
    const owner = await seedUser(live, { name: 'Backup Owner' });
    const file = await seedFile(live, owner.id, { name: 'contract.pdf' });
    const token = createToken();
    const share = await live.share.create({
      data: {
        ownerId: owner.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 7 * 86400_000),
        items: { create: [{ fileId: file.id }] },
        recipients: { create: [{ email: uniqueEmail('recipient') }] },
      },
    });
    const before = await fixture(live, share.id, file.id, owner.id);

    // Downloads keep landing on a second share while the backup runs: each one an access event and
    // the share's counter, in one transaction, as lib/shares/download.ts records them.
    const busy = await live.share.create({ data: { ownerId: owner.id, tokenHash: hashToken(createToken()), expiresAt: share.expiresAt } });
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await live.$transaction([
          live.accessEvent.create({ data: { shareId: busy.id, kind: 'download' } }),
          live.share.update({ where: { id: busy.id }, data: { downloadCount: { increment: 1 } } }),
        ]);
        writes += 1;
        // SQLite answers synchronously: without a turn of the event loop, no timer would ever run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (writes < 20) await new Promise((resolve) => setTimeout(resolve, 5));

    const countsAtBackup = await rowCounts(live);
    const writesBefore = writes;
    const backupFile = path.join(work, 'handoff.backup');
    const backup = await runScript('backup', backupFile, liveUrl);
    const writesAfter = writes;
    while (writes < writesAfter + 20) await new Promise((resolve) => setTimeout(resolve, 5));
    writing = false;
    await writer;
    expect(backup, backup.output).toMatchObject({ code: 0 });
    expect(writesAfter).toBeGreaterThan(writesBefore); // the backup really ran while writes went on

    // After the backup: the share is revoked, the file deleted, the owner renamed.
    await live.share.update({ where: { id: share.id }, data: { revokedAt: new Date() } });
    await live.file.delete({ where: { id: file.id } });
    await live.user.update({ where: { id: owner.id }, data: { name: 'Renamed' } });

    const restore = await runScript('restore', backupFile, scratchUrl);
    expect(restore, restore.output).toMatchObject({ code: 0 });
    const restored = connect(scratchUrl);
    try {
      expect(await fixture(restored, share.id, file.id, owner.id)).toEqual(before);
      expect(await tableNames(restored)).toEqual(await tableNames(live));
      expect(await rowCounts(restored)).toEqual(countsAtBackup);
      expect(await restored.$queryRawUnsafe('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name')).toEqual(
        await live.$queryRawUnsafe('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name'),
      );
      // One instant: every download event has its count, and the backup holds some of the writes
      // made while it ran but not those made after it finished.
      const busyRestored = await restored.share.findUniqueOrThrow({ where: { id: busy.id } });
      const eventsRestored = await restored.accessEvent.count({ where: { shareId: busy.id } });
      expect(busyRestored.downloadCount).toBe(eventsRestored);
      expect(eventsRestored).toBeGreaterThanOrEqual(writesBefore);
      expect(eventsRestored).toBeLessThan(writes);
    } finally {
      await restored.$disconnect();
    }

    // The app's own share page logic, on the restored database, opens the link and lists the file.
    process.env.DATABASE_URL = scratchUrl;
    const { listShareFiles, viewShare } = await import('@/lib/shares/access');
    const { db } = await import('@/lib/db');
    try {
      expect(await viewShare(token)).toMatchObject({ gate: 'open' });
      expect(await listShareFiles(token, {}, { search: '', after: null })).toMatchObject({ files: [expect.objectContaining({ id: file.id, name: 'contract.pdf' })] });
    } finally {
      await db().$disconnect();
      process.env.DATABASE_URL = liveUrl;
    }
  },
  SCRIPTS_TIMEOUT_MS,
);

test(
  'restore refuses a damaged backup and a database in use, and changes nothing',
  async () => {
    const owner = await seedUser(live);
    const backupFile = path.join(work, 'whole.backup');
    expect(await runScript('backup', backupFile, liveUrl)).toMatchObject({ code: 0 });
    const whole = readFileSync(backupFile);
    const damaged = path.join(work, 'damaged.backup');
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));

    await live.user.update({ where: { id: owner.id }, data: { name: 'After the backup' } });
    const refusedDamaged = await runScript('restore', damaged, liveUrl);
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.output).toMatch(/damaged/);
    // This test's own connection is open on the live database, as a running app's would be.
    const refusedInUse = await runScript('restore', backupFile, liveUrl);
    expect(refusedInUse.code).toBe(1);
    expect(refusedInUse.output).toMatch(/in use|other connection/);
    expect((await live.user.findUniqueOrThrow({ where: { id: owner.id } })).name).toBe('After the backup');
  },
  SCRIPTS_TIMEOUT_MS,
);
