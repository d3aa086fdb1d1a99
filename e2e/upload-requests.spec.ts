// Upload requests in the browser: the owner asks for files, someone without an account sends
// them through the link (a small one by POST, a large one in parts), the owner is emailed and
// finds them in the folder, and closing the request stops the link at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForEmail } from './fixtures/mail';
import { openMultipartUploads } from './fixtures/bucket';
import { signDownloadUrlForTest } from './fixtures/sign';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function createRequest(page: Page, options: { title: string; password?: string; maxFiles?: string; maxSize?: string; types?: string }) {
  await page.goto('/requests');
  await page.getByRole('button', { name: 'New request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask for files' });
  await dialog.getByLabel('What are you asking for?').fill(options.title);
  await dialog.getByText('Limits and password').click();
  if (options.maxFiles) await dialog.getByLabel('Number of files').fill(options.maxFiles);
  if (options.maxSize) await dialog.getByLabel('Largest file').fill(options.maxSize);
  if (options.types) await dialog.getByLabel(/Only these kinds of file/).fill(options.types);
  if (options.password) await dialog.getByLabel('Password').fill(options.password);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('request-link').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return link;
}

/** Someone with no account and no cookies, in a browser of their own. */
async function senderPage(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

test('someone without an account sends files into the owner’s folder; the owner is emailed and can close the link', async ({ userPage: owner, user, db, browser }) => {
  await owner.goto('/requests');
  await expect(owner.getByRole('heading', { name: 'Ask someone for files' })).toBeVisible();
  const link = await createRequest(owner, { title: 'Q3 receipts', password: 'letmein-42', maxFiles: '3', maxSize: '15MB', types: '.pdf, .bin' });
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  const card = owner.getByTestId('request-card').filter({ hasText: 'Q3 receipts' });
  await expect(card.getByTestId('request-status')).toHaveText('Open');
  await expect(card.getByTestId('request-received')).toHaveText('0 files received');

  const sender = await senderPage(browser, link);
  await expect(sender.getByRole('heading', { name: 'Q3 receipts' })).toBeVisible();
  await sender.getByLabel('Password').fill('wrong-password');
  await sender.getByRole('button', { name: 'Unlock' }).click();
  await expect(sender.getByText('That password is not right.')).toBeVisible();
  await sender.getByLabel('Password').fill('letmein-42');
  await sender.getByRole('button', { name: 'Unlock' }).click();
  const limits = sender.getByTestId('request-limits');
  await expect(limits).toContainText('Up to 15 MB per file');
  await expect(limits).toContainText('3 of 3 files left to send');
  await expect(limits).toContainText('Only .pdf, .bin');

  await sender.getByLabel(/Your name or email/).fill('Sam Sender');
  // A type the request does not take is refused in the browser, before anything is sent.
  await sender.getByTestId('file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(sender.getByTestId('upload-row').filter({ hasText: 'notes.txt' })).toContainText('This request takes only .pdf, .bin.');

  const small = randomBytes(100_000);
  const large = randomBytes(12_000_000); // above the suite's 8 MB threshold: sent in 3 parts
  await sender.getByTestId('file-input').setInputFiles([
    { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: small },
    { name: 'scans.bin', mimeType: 'application/octet-stream', buffer: large },
  ]);
  await expect(sender.getByTestId('upload-row').filter({ hasText: 'receipt.pdf' })).toContainText('Uploaded', { timeout: 30_000 });
  await expect(sender.getByTestId('upload-row').filter({ hasText: 'scans.bin' })).toContainText('Uploaded · 12 MB', { timeout: 30_000 });
  await expect(sender.getByTestId('request-done')).toContainText(`2 files have arrived. ${user.name} has been told.`);
  await expect(limits).toContainText('1 of 3 files left to send');

  const mail = await waitForEmail(user.email);
  expect(mail.subject).toBe('2 files arrived for “Q3 receipts”');
  expect(mail.text).toContain('receipt.pdf (100 kB), from Sam Sender');
  expect(mail.text).toContain('scans.bin (12 MB), from Sam Sender');

  // The third and last file fills the request: the page says so and takes no more.
  await sender.getByTestId('file-input').setInputFiles({ name: 'last.pdf', mimeType: 'application/pdf', buffer: randomBytes(1000) });
  await expect(sender.getByTestId('upload-full')).toHaveText('This request has all the files it asked for. Thank you!');
  await expect(sender.getByTestId('upload-row').filter({ hasText: 'last.pdf' })).toContainText('Uploaded');
  await expect(sender.getByTestId('file-input')).toHaveCount(0);

  // The files are the owner's, in the folder named after the request, byte for byte.
  const request = await db.uploadRequest.findFirstOrThrow({ where: { ownerId: user.id } });
  const stored = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'scans.bin' } });
  expect(stored.storageKey.startsWith(`users/${user.id}/requests/${request.id}/`)).toBe(true);
  const downloaded = Buffer.from(await (await fetch(await signDownloadUrlForTest(stored.storageKey))).arrayBuffer());
  expect(sha256(downloaded)).toBe(sha256(large));
  await owner.goto('/files');
  await owner.getByRole('link', { name: 'Q3 receipts' }).click();
  await expect(owner.getByTestId('file-row').filter({ hasText: 'receipt.pdf' })).toBeVisible();
  await expect(owner.getByTestId('file-row').filter({ hasText: 'scans.bin' }).getByTestId('sent-by')).toHaveText('sent by Sam Sender through a request');

  await owner.goto('/requests');
  await expect(card.getByTestId('request-received')).toHaveText('3 files received');
  owner.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Close request' }).click();
  await expect(card.getByTestId('request-status')).toHaveText('Closed');

  await sender.reload();
  await expect(sender.getByTestId('request-closed')).toContainText(`${user.name} has closed this request. It takes no more files.`);
  await expect(sender.getByTestId('file-input')).toHaveCount(0);
  await sender.context().close();
});

test('a replaced link stops working; closing a request stops an upload under way; a link that never existed is a 404', async ({ userPage: owner, user, browser }) => {
  const first = await createRequest(owner, { title: 'Raw footage' });
  // A lost link can be replaced; the old one stops working at once.
  const card = owner.getByTestId('request-card').filter({ hasText: 'Raw footage' });
  owner.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'New link' }).click();
  const link = await card.getByTestId('request-link').inputValue();
  expect(link).not.toBe(first);
  expect((await owner.request.get(first)).status()).toBe(404);
  const sender = await senderPage(browser, link);
  const cdp = await sender.context().newCDPSession(sender);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await sender.getByTestId('file-input').setInputFiles({ name: 'take-1.bin', mimeType: 'application/octet-stream', buffer: randomBytes(18_000_000) });
  const row = sender.getByTestId('upload-row').filter({ hasText: 'take-1.bin' });
  await expect(row).toContainText(/left/, { timeout: 15_000 });
  await expect.poll(async () => (await openMultipartUploads(user.id)).length).toBe(1);

  await owner.goto('/requests');
  owner.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Close request' }).click();
  await expect(card.getByTestId('request-status')).toHaveText('Closed');
  // The open multipart upload is aborted at once; the sender is told why their upload stopped.
  await expect.poll(async () => (await openMultipartUploads(user.id)).length).toBe(0);
  await expect(row).toContainText('This request has been closed; it takes no more files.', { timeout: 30_000 });
  await sender.context().close();

  const unknown = await owner.request.get(`/r/${'A'.repeat(43)}`);
  expect(unknown.status()).toBe(404);
  await owner.goto(`/r/${'A'.repeat(43)}`);
  await expect(owner.getByRole('heading', { name: 'This upload link is not available' })).toBeVisible();
});
