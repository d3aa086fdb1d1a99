// Issue 7 on the production build: what happens when a part the app depends on misbehaves. Each
// test runs a second instance of the app (same build) with one part broken, so the tests running
// beside it are not disturbed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { instancePort, startInstance } from './fixtures/instance';
import { putObject } from './fixtures/bucket';
import { postDownload } from './fixtures/download';
import { connect, seedFile, seedShare, seedUser, uniqueEmail } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

async function sharedFile(db: ReturnType<typeof connect>, expiresAt?: Date) {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id, { name: 'ledger.csv' });
  const token = createToken();
  const share = await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token), expiresAt });
  return { owner, file, share, token };
}

test('while the file store is down, a download is refused with 503 and not counted', async ({ db, playwright }, testInfo) => {
  const { share, file, token } = await sharedFile(db);
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { S3_ENDPOINT: 'http://127.0.0.1:1', BACKGROUND_JOBS: 'false' });
  try {
    const request = await playwright.request.newContext({ baseURL: instance.url });
    // The share page itself needs no store: it still shows what is shared.
    expect((await request.get(`/s/${token}`)).status()).toBe(200);
    const download = await postDownload(request, `/s/${token}`, file.id, { Origin: instance.url });
    expect(download.status()).toBe(503);
    expect(download.headers()['location']).toBeUndefined();
    expect(download.headers()['retry-after']).toBeTruthy();
    expect(await download.text()).toContain('The file store is not answering right now, so nothing was counted.');
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(0);
    expect(await db.accessEvent.count({ where: { shareId: share.id, kind: 'download' } })).toBe(0);
    await request.dispose();
  } finally {
    await instance.stop();
  }
});

/** Another process holding SQLite's write lock on `file` until released. */
async function holdWriteLock(file: string) {
  const holder = spawn(
    'node',
    [
      '-e',
      `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); process.stdin.on('data', () => { db.exec('ROLLBACK'); process.exit(0); });`,
      file,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  return {
    release: async () => {
      if (holder.exitCode === null) holder.stdin.write('go\n');
      await exited;
    },
  };
}

// SQLite's write lock on its file; PostgreSQL locks rows, not the database, so the PostgreSQL lane skips this.
test('a database locked by another process: reading pages still answer, writes fail fast and clearly, no email goes out', async ({ db, browser, playwright }, testInfo) => {
  test.skip(!process.env.DATABASE_URL?.startsWith('file:'), 'SQLite only: a lock on the whole database file');
  // Its own copy of the database, so the lock stops only this test's instance.
  const file = path.resolve(`.data/test/locked-${testInfo.parallelIndex}.db`);
  rmSync(file, { force: true });
  await db.$executeRawUnsafe(`VACUUM INTO '${file}'`);
  const copy = connect(`file:${file}`);
  const { share, file: shared, token } = await sharedFile(copy);
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { DATABASE_URL: `file:${file}`, BACKGROUND_JOBS: 'false' });
  const request = await playwright.request.newContext({ baseURL: instance.url, timeout: 8_000 });
  try {
    const lock = await holdWriteLock(file);
    try {
      // Ten downloads at once, each refused for the lock, while the sign-in page is asked for: the
      // page does not wait behind them (SQLite used to sleep on Node's only thread).
      const download = () => postDownload(request, `/s/${token}`, shared.id, { Origin: instance.url });
      const downloads = Array.from({ length: 10 }, download);
      const signinPage = await request.get('/signin', { timeout: 5_000 });
      expect(signinPage.status()).toBe(200);
      for (const download of await Promise.all(downloads)) {
        expect(download.status()).toBe(503);
        expect(await download.text()).toContain('The database is busy right now, so nothing was counted.');
      }
      // Showing the share only reads: it is still shown.
      expect((await request.get(`/s/${token}`)).status()).toBe(200);

      // Asking for a sign-in link says it could not be done, and leaves nothing to be sent later.
      const email = uniqueEmail('during-lock');
      const context = await browser.newContext({ baseURL: instance.url });
      const page = await context.newPage();
      await page.goto('/signin');
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await expect(page.getByText('No sign-in link could be made just now, and none was sent. Try again in a moment.')).toBeVisible();
      await context.close();
      await lock.release();
      expect(await copy.emailOutbox.count({ where: { to: email } })).toBe(0);
      expect(await copy.verificationToken.count({ where: { identifier: email } })).toBe(0);
    } finally {
      await lock.release();
    }
    // Once the lock is gone everything works again, and only the real download counted.
    expect((await postDownload(request, `/s/${token}`, shared.id, { Origin: instance.url })).status()).toBe(303);
    expect((await copy.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(1);
  } finally {
    await request.dispose();
    await instance.stop();
    await copy.$disconnect();
    rmSync(file, { force: true });
  }
});

const FAKETIME = ['x86_64', 'aarch64'].map((arch) => `/usr/lib/${arch}-linux-gnu/faketime/libfaketimeMT.so.1`).find(existsSync);

test('an instance whose clock is 20 minutes fast warns, still serves a share valid for 10 more minutes, and signs URLs the store accepts', async ({ db, playwright }, testInfo) => {
  if (!FAKETIME) throw new Error("libfaketime is missing: install Debian's faketime package (bash .ci/run does)");
  const { share, file, token } = await sharedFile(db, new Date(Date.now() + 10 * 60_000));
  const bytes = randomBytes(2048);
  await putObject(file.storageKey, bytes);
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { LD_PRELOAD: FAKETIME, FAKETIME: '+20m', BACKGROUND_JOBS: 'false' });
  try {
    await expect.poll(instance.output).toMatch(/\[clock\] This server's clock is 1[12]\d\d s ahead of the file store's/);
    const request = await playwright.request.newContext({ baseURL: instance.url });
    const page = await request.get(`/s/${token}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('ledger.csv');
    const download = await postDownload(request, `/s/${token}`, file.id, { Origin: instance.url });
    expect(download.status()).toBe(303);
    const fetched = await fetch(download.headers()['location']!);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(1);
    await request.dispose();
  } finally {
    await instance.stop();
  }
});
