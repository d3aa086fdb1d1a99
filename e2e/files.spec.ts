import { randomBytes } from 'node:crypto';
import { test, expect } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';
import { objectExists } from './fixtures/bucket';
import { waitForEmail } from './fixtures/mail';
import { uniqueEmail } from '../prisma/seed';

const text = (name: string, size = 2000) => ({ name, mimeType: 'text/plain', buffer: randomBytes(size) });

test('folders, several uploads at once, rename, search, sort, delete', async ({ userPage: page, user, db }) => {
  await page.goto('/files');
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeVisible();

  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('Folder name').fill('Reports 2026');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'Reports 2026' }).click();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('My files/Reports 2026');

  await page.getByTestId('file-input').setInputFiles([text('small.txt', 1000), text('large.txt', 5000)]);
  await expect(page.getByTestId('file-row')).toHaveCount(2);
  await expect(page.getByTestId('upload-row').filter({ hasText: 'Uploaded' })).toHaveCount(2);
  await expect(page.getByTestId('storage-usage')).toHaveText('6.0 kB of 50 GB used');

  // Sort by size, largest first.
  // (The second click waits for the first: the link's target changes when the page does.)
  await page.getByRole('link', { name: 'Size' }).click();
  await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('link', { name: 'Size' }).click();
  await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('file-row').first()).toContainText('large.txt');

  const small = page.getByTestId('file-row').filter({ hasText: 'small.txt' });
  await small.getByRole('button', { name: 'Actions for small.txt' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('tiny notes.txt');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByTestId('file-row').filter({ hasText: 'tiny notes.txt' })).toBeVisible();

  // Search from the top level finds a file inside the folder.
  await page.goto('/files');
  await page.getByRole('searchbox', { name: 'Search files by name' }).fill('tiny');
  await page.getByRole('searchbox', { name: 'Search files by name' }).press('Enter');
  await expect(page.getByTestId('file-row')).toHaveCount(1);
  await expect(page.getByTestId('file-row')).toContainText('tiny notes.txt');

  // Delete with confirmation: the row and the object go.
  const stored = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'tiny notes.txt' } });
  expect(await objectExists(stored.storageKey)).toBe(true);
  await page.getByRole('button', { name: 'Actions for tiny notes.txt' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete file?' })).toContainText('cannot be undone');
  await page.getByRole('dialog', { name: 'Delete file?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing matches that name' })).toBeVisible();
  expect(await objectExists(stored.storageKey)).toBe(false);

  // Deleting the folder takes the rest with it, from the bucket too.
  const large = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'large.txt' } });
  await page.goto('/files');
  await page.getByRole('button', { name: 'Actions for Reports 2026' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete folder?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeVisible();
  expect(await objectExists(large.storageKey)).toBe(false);
  expect(await db.file.count({ where: { ownerId: user.id } })).toBe(0);
});

test('lists page by key: 105 files show as 100 and then 5', async ({ userPage: page, user, db }) => {
  await db.file.createMany({
    data: Array.from({ length: 105 }, (_, i) => ({
      id: `page${user.id.slice(-8)}${String(i).padStart(4, '0')}`,
      ownerId: user.id,
      name: `file-${String(i).padStart(3, '0')}.txt`,
      size: 10,
      contentType: 'text/plain',
      storageKey: `users/${user.id}/page${i}`,
      status: 'ready',
    })),
  });
  await page.goto('/files');
  await expect(page.getByTestId('file-row')).toHaveCount(100);
  await expect(page.getByTestId('file-row').first()).toContainText('file-000.txt');
  await page.getByRole('link', { name: 'Next page →' }).click();
  await expect(page.getByTestId('file-row')).toHaveCount(5);
  await expect(page.getByTestId('file-row').first()).toContainText('file-100.txt');
  expect(page.url()).toContain('after=');
});

test('names sort as people read them: case and accents aside, numbers by value', async ({ userPage: page }) => {
  await page.goto('/files');
  const names = ['Zebra.txt', 'apple.txt', 'données été.csv', 'Daten.csv', 'file 10.txt', 'file 2.txt'];
  await page.getByTestId('file-input').setInputFiles(names.map((name) => text(name, 100)));
  await expect(page.getByTestId('file-row')).toHaveCount(6);
  await page.reload();
  const inOrder = ['apple.txt', 'Daten.csv', 'données été.csv', 'file 2.txt', 'file 10.txt', 'Zebra.txt'];
  const rows = (order: string[]) => order.map((name) => new RegExp(name.replace('.', '\\.')));
  await expect(page.getByTestId('file-row')).toHaveText(rows(inOrder));
  await page.goto('/files?sort=name&dir=desc');
  await expect(page.getByTestId('file-row')).toHaveText(rows([...inOrder].reverse()));
});

test('upload problems get clear messages and leave nothing behind', async ({ userPage: page, user, db, userRequest, context }) => {
  await page.goto('/files');

  // Too big: refused before anything is written (the suite runs with MAX_UPLOAD_SIZE=20MB).
  await page.getByTestId('file-input').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(21_000_001) });
  await expect(page.getByTestId('upload-row').filter({ hasText: 'huge.bin' }).getByRole('alert')).toHaveText('This file is 21 MB; the limit is 20 MB.');
  // The server checks too, whatever the browser says.
  const direct = await callAction(userRequest, FILES_ACTIONS, 'prepareUpload', { name: 'huge.bin', size: 21_000_001, contentType: 'application/octet-stream', folderId: null });
  expect(direct).toEqual({ ok: false, error: '"huge.bin" is 21 MB; the largest file you can upload is 20 MB.' });

  // Storage unreachable (the request to the bucket never connects).
  await page.route(`${process.env.S3_ENDPOINT}/**`, (route) => route.abort('connectionrefused'));
  await page.getByTestId('file-input').setInputFiles(text('offline.txt'));
  await expect(page.getByTestId('upload-row').filter({ hasText: 'offline.txt' }).getByRole('alert')).toContainText('Could not reach the storage server');
  await page.unroute(`${process.env.S3_ENDPOINT}/**`);

  // Cancel mid-upload.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.getByTestId('file-input').setInputFiles(text('slow.txt', 4_000_000));
  const slow = page.getByTestId('upload-row').filter({ hasText: 'slow.txt' });
  await expect(slow.getByRole('progressbar')).toBeVisible();
  await slow.getByRole('button', { name: 'Cancel upload of slow.txt' }).click();
  await expect(slow).toContainText('Cancelled');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Nothing half-written: no pending rows, no files listed.
  await expect.poll(() => db.file.count({ where: { ownerId: user.id } })).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeVisible();
});

test('a name with a right-to-left override is kept as it reads: in the list, the share page and the email', async ({ userPage: page, user, db, browser }) => {
  const recipient = uniqueEmail('bidi');
  await page.goto('/files');
  // Shown as "invoiceexe.pdf" if the override were kept: an .exe dressed as a PDF.
  await page.getByTestId('file-input').setInputFiles(text('invoice\u202Efdp.exe', 500));
  const row = page.getByTestId('file-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('invoicefdp.exe');
  expect(await row.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(await page.getByTestId('upload-row').textContent()).not.toContain('\u202E');
  expect((await db.file.findFirstOrThrow({ where: { ownerId: user.id } })).name).toBe('invoicefdp.exe');

  await page.getByRole('button', { name: 'Share invoicefdp.exe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “invoicefdp.exe”' });
  await dialog.getByLabel(/Email a link to/).fill(recipient);
  await dialog.getByLabel(/Message/).fill('Please pay \u202Eexe.pdf\u202C today');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();

  const mail = await waitForEmail(recipient);
  expect(mail.subject).toBe(`${user.name} shared invoicefdp.exe with you`);
  expect(mail.text).toContain('invoicefdp.exe (500 B)');
  expect(mail.text).toContain('Please pay exe.pdf today');
  for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByTestId('shared-file-name')).toHaveText('invoicefdp.exe');
  await stranger.context().close();
});
