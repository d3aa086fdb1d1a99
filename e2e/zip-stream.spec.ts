import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { test, expect, type TestUser } from './fixtures';
import { putObject } from './fixtures/bucket';
import { putGeneratedObject } from './fixtures/generated-object';
import { zipEntryHashes } from './fixtures/zip-reader';
import { browserMemory, peakMemoryWhile } from './fixtures/browser-memory';
import { callAction } from './fixtures/actions';
import { seedFile, seedShare, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

// "Download all" streams the zip to disk: through the service worker where there is no save
// dialog (headless Chromium, see e2e/fixtures/index.ts), or into the file the dialog picked.

const SHARE_ACTIONS = 'app/s/[token]/actions.ts';
const MB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function shareOf(db: Db, owner: TestUser, files: { id: string }[]) {
  const token = createToken();
  const share = await seedShare(db, owner.id, files[0]!.id, { tokenHash: hashToken(token) });
  for (const file of files.slice(1)) await db.shareItem.create({ data: { shareId: share.id, fileId: file.id } });
  return { token, shareId: share.id };
}

/** A ready file row whose object holds `body`, or nothing when `body` is null. */
async function storedFile(db: Db, owner: TestUser, name: string, body: Buffer | null) {
  const file = await seedFile(db, owner.id, { name, size: body?.length ?? 10 });
  if (body) await putObject(file.storageKey, body);
  return file;
}

test('Download all of 3 × 500 MB streams to disk: the browser grows by less than 200 MB, and every entry is intact', async ({ db, user, browser }, testInfo) => {
  test.skip(!process.env.DATABASE_URL?.startsWith('file:'), 'one database lane is enough: 1.5 GB through the bucket, and the database plays no part');
  test.setTimeout(240_000);
  const expected: Record<string, string> = {};
  const files = [];
  for (const [n, name] of ['one.bin', 'two.bin', 'three.bin'].entries()) {
    const file = await seedFile(db, user.id, { name, size: 500 * MB });
    expected[name] = await putGeneratedObject(file.storageKey, 500 * MB, 0x9e3779b9 + n);
    files.push(file);
  }
  const { token, shareId } = await shareOf(db, user, files);

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  await expect(page.getByRole('button', { name: /Download all \(3 files/ })).toBeVisible();
  const before = await browserMemory(browser);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all/ }).click()]);
  expect(download.suggestedFilename()).toBe('shared-files.zip');
  const saved = testInfo.outputPath('shared-files.zip');
  const peak = await peakMemoryWhile(browser, download.saveAs(saved));
  expect(await download.failure()).toBeNull();
  await expect(page.getByTestId('zip-status')).toHaveText('Done: shared-files.zip is in your downloads.');
  // The zip is made in the service worker and each chunk is garbage once the download has it: what
  // the browser gains is that garbage until it is collected, not the zip (the bound: 200 MB).
  const grew = JSON.stringify({ before: before.byType, peak: peak.byType });
  testInfo.annotations.push({ type: 'browser memory, bytes', description: grew });
  expect(peak.total - before.total, `the browser's processes grew (bytes): ${grew}`).toBeLessThan(200 * MB);

  expect(await zipEntryHashes(saved)).toEqual(expected);
  expect((await db.share.findUniqueOrThrow({ where: { id: shareId } })).downloadCount).toBe(1);
  await context.close();
});

test('with a save dialog, the zip is written into the file picked', async ({ db, user, browser }) => {
  const bodies = { 'a.txt': Buffer.from('first file\n'), 'b.bin': Buffer.alloc(3 * MB, 7) };
  const files = [await storedFile(db, user, 'a.txt', bodies['a.txt']), await storedFile(db, user, 'b.bin', bodies['b.bin'])];
  const { token } = await shareOf(db, user, files);
  const context = await browser.newContext();
  // The dialog cannot be answered headless: this one "picks" a file in the origin's private file system.
  await context.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: () => Promise<FileSystemFileHandle> }).showSaveFilePicker = async () =>
      (await navigator.storage.getDirectory()).getFileHandle('picked.zip', { create: true });
  });
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  await page.getByRole('button', { name: /Download all/ }).click();
  await expect(page.getByTestId('zip-status')).toHaveText('Done: shared-files.zip is saved where you chose.');
  const base64 = await page.evaluate(async () => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle('picked.zip')).getFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  const zip = test.info().outputPath('picked.zip');
  await writeFile(zip, Buffer.from(base64, 'base64'));
  expect(await zipEntryHashes(zip)).toEqual({ 'a.txt': sha256(bodies['a.txt']), 'b.bin': sha256(bodies['b.bin']) });
  await context.close();
});

test('Cancel stops the fetches and the download, and keeps no partial zip', async ({ db, user, browser }) => {
  const files = [await storedFile(db, user, 'first.txt', Buffer.from('first')), await storedFile(db, user, 'stalled.bin', Buffer.alloc(MB, 1))];
  const { token } = await shareOf(db, user, files);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // The bucket never answers for the second file, so the zip waits there until Cancel. The service
  // worker fetches it: the context's routes see its requests, the page's do not.
  let stalledFetch = false;
  await context.route(
    (url) => url.pathname.endsWith(files[1]!.storageKey),
    () => {
      stalledFetch = true;
    },
  );
  await page.goto(`/s/${token}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all/ }).click()]);
  await expect(page.getByTestId('zip-progress')).toContainText('stalled.bin');
  await expect(page.getByRole('progressbar', { name: 'Zip progress' })).toBeVisible();
  expect(stalledFetch).toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('zip-status')).toHaveText('Cancelled. The unfinished zip was not kept.');
  expect(await download.failure()).toBe('canceled');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Download all/ })).toBeEnabled();
  await context.close();
});

test('a file missing from the bucket stops the zip with a message naming it', async ({ db, user, browser }) => {
  const files = [await storedFile(db, user, 'here.txt', Buffer.from('here')), await storedFile(db, user, 'gone.txt', null)];
  const { token } = await shareOf(db, user, files);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all/ }).click()]);
  await expect(page.getByTestId('zip-status')).toHaveText('“gone.txt” is no longer in storage (404), so the zip stopped. Ask the sender to share it again.');
  expect(await download.failure()).not.toBeNull();
  await context.close();
});

test('a big share is signed a batch at a time, each batch only with the ticket of the one counted grant', async ({ db, user, requestAs }) => {
  const files = [];
  for (let n = 0; n < 230; n++) files.push(await seedFile(db, user.id, { name: `f${n}.txt`, size: 10 }));
  const { token, shareId } = await shareOf(db, user, files);
  const other = await shareOf(db, user, [files[0]!]);
  const anonymous = await requestAs(null);
  const page = `/s/${token}`;

  const bundle = await callAction(anonymous, SHARE_ACTIONS, 'bundleUrls', { token }, page);
  const { entries, batches } = bundle.data as { entries: unknown[]; batches: { ticket: string; count: number }[] };
  expect(entries).toHaveLength(230);
  expect(batches.map((b) => b.count)).toEqual([200, 30]);
  expect(JSON.stringify(bundle)).not.toContain('X-Amz-Signature');

  for (const batch of batches) {
    const urls = await callAction(anonymous, SHARE_ACTIONS, 'bundleBatchUrls', { token, ticket: batch.ticket }, page);
    expect(urls.data as string[]).toHaveLength(batch.count);
    expect((urls.data as string[])[0]).toContain('X-Amz-Signature');
  }
  // One counted download for the whole bundle, however many batches.
  expect((await db.share.findUniqueOrThrow({ where: { id: shareId } })).downloadCount).toBe(1);

  // A ticket opens nothing on another link, nor once tampered with.
  const elsewhere = await callAction(anonymous, SHARE_ACTIONS, 'bundleBatchUrls', { token: other.token, ticket: batches[0]!.ticket }, `/s/${other.token}`);
  expect(elsewhere).toEqual({ ok: false, error: 'This download does not belong to this link. Start it again from the link.' });
  const forged = `${batches[0]!.ticket.slice(0, -4)}AAAA`;
  expect(await callAction(anonymous, SHARE_ACTIONS, 'bundleBatchUrls', { token, ticket: forged }, page)).toMatchObject({ ok: false });
  expect((await db.share.findUniqueOrThrow({ where: { id: shareId } })).downloadCount).toBe(1);
});
