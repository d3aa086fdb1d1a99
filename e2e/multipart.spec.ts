// Large files in the browser: parts straight to radosgw, retried, cancellable, resumable.
// The suite runs with MULTIPART_THRESHOLD=8MB and 5 MiB parts, so a 12 MB file has 3 parts.
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openMultipartUploads, storedParts } from './fixtures/bucket';
import { signDownloadUrlForTest } from './fixtures/sign';

const SIZE = 12_000_000;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const isPartPut = (method: string, url: string) => method === 'PUT' && url.includes('partNumber=');
const partNumber = (url: string) => Number(new URL(url).searchParams.get('partNumber'));

async function throttle(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

test('a part that fails once is retried and the file completes intact', async ({ userPage: page, user, db }) => {
  const content = randomBytes(SIZE);
  let failedOnce = false;
  const attempts: number[] = [];
  await page.route(/partNumber=/, async (route) => {
    const n = partNumber(route.request().url());
    attempts.push(n);
    if (n === 2 && !failedOnce) {
      failedOnce = true;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.goto('/files');
  await page.getByTestId('file-input').setInputFiles({ name: 'board-meeting.mp4', mimeType: 'video/mp4', buffer: content });
  await expect(page.getByTestId('upload-row')).toContainText('Uploaded · 12 MB', { timeout: 30_000 });
  await expect(page.getByTestId('file-row').filter({ hasText: 'board-meeting.mp4' })).toBeVisible();
  expect(attempts.filter((n) => n === 2)).toHaveLength(2);
  expect(attempts.filter((n) => n !== 2).sort()).toEqual([1, 3]);

  const file = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'board-meeting.mp4' } });
  expect(file.status).toBe('ready');
  const downloaded = Buffer.from(await (await fetch(await signDownloadUrlForTest(file.storageKey))).arrayBuffer());
  expect(sha256(downloaded)).toBe(sha256(content));
  expect(await openMultipartUploads(user.id)).toEqual([]);
});

test('cancel aborts the multipart upload: nothing is left in the bucket or the list', async ({ userPage: page, user, db }) => {
  await page.goto('/files');
  // Slow enough that the cancel comes well before the last part (12 MB take about 30 s).
  await throttle(page, 400 * 1024);
  await page.getByTestId('file-input').setInputFiles({ name: 'too-slow.bin', mimeType: 'application/octet-stream', buffer: randomBytes(SIZE) });
  const row = page.getByTestId('upload-row').filter({ hasText: 'too-slow.bin' });
  await expect(row).toContainText(/B\/s · \d+ (s|min) left/, { timeout: 15_000 });
  await expect.poll(async () => (await openMultipartUploads(user.id)).length).toBe(1);
  await row.getByRole('button', { name: 'Cancel upload of too-slow.bin' }).click();
  await expect(row).toContainText('Cancelled');
  await expect.poll(async () => (await openMultipartUploads(user.id)).length).toBe(0);
  await expect.poll(() => db.file.count({ where: { ownerId: user.id } })).toBe(0);
  await expect(row).toContainText('Cancelled');
});

test('after a reload, the upload resumes and sends only the parts not yet stored', async ({ userPage: page, user, db }, testInfo) => {
  const content = randomBytes(SIZE);
  // A real file on disk: picking it again gives the same name, size and modification time.
  const upload = testInfo.outputPath('resume-me.bin');
  await writeFile(upload, content);
  await page.goto('/files');
  await throttle(page, 2 * 1024 * 1024);
  await page.getByTestId('file-input').setInputFiles(upload);
  const pending = await expect
    .poll(
      async () => {
        const row = await db.file.findFirst({ where: { ownerId: user.id, name: 'resume-me.bin' } });
        return row?.uploadId ? (await storedParts(row.storageKey, row.uploadId)).length : 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(1)
    .then(() => db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'resume-me.bin' } }));
  await page.reload();
  const stored = (await storedParts(pending.storageKey, pending.uploadId!)).map((p) => p.PartNumber);
  expect(stored.length).toBeGreaterThanOrEqual(1);

  const sent: number[] = [];
  page.on('request', (request) => isPartPut(request.method(), request.url()) && sent.push(partNumber(request.url())));
  await expect(page.getByRole('region', { name: 'Unfinished uploads' })).toContainText('resume-me.bin');
  // A different file is refused; the same one resumes.
  await page.getByRole('button', { name: 'Resume resume-me.bin' }).click();
  await page.getByTestId('resume-input').setInputFiles({ name: 'resume-me.bin', mimeType: 'application/octet-stream', buffer: randomBytes(100) });
  await expect(page.getByText('That is not the same file')).toBeVisible();
  await page.getByRole('button', { name: 'Resume resume-me.bin' }).click();
  await page.getByTestId('resume-input').setInputFiles(upload);
  await expect(page.getByTestId('upload-row').filter({ hasText: 'resume-me.bin' })).toContainText('Uploaded', { timeout: 30_000 });
  expect(sent.sort()).toEqual([1, 2, 3].filter((n) => !stored.includes(n)));

  const file = await db.file.findUniqueOrThrow({ where: { id: pending.id } });
  expect(file.status).toBe('ready');
  const downloaded = Buffer.from(await (await fetch(await signDownloadUrlForTest(file.storageKey))).arrayBuffer());
  expect(sha256(downloaded)).toBe(sha256(content));
});
