// Issue 8, thumbnails: drawn in the uploader's browser (a picture scaled down, a video's frame),
// posted to the bucket beside the file, shown in the files list and on the share page, where a
// share of pictures is a grid. Someone sending a picture through an upload request draws its
// thumbnail in their own browser too, and the owner sees it in their list.
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { objectHead } from './fixtures/bucket';
import { appOrigin } from './fixtures/download';
import { drawPng, recordWebm } from './fixtures/media';
import path from 'node:path';
import { accessibilityProblems, layoutProblems, SCREENSHOT_DIR, SIZES } from './fixtures/layout';
import { seedFolder, seedShare, seedUploadRequest } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const THUMBNAIL_MAX_BYTES = 64 * 1024;

/** The picture's own size once it has loaded from the bucket (0 × 0 if it could not). */
const loadedSize = (image: Locator) =>
  image.evaluate(async (img: HTMLImageElement) => {
    await img.decode().catch(() => undefined);
    return { width: img.naturalWidth, height: img.naturalHeight };
  });

test('a picture and a video get thumbnails from the browser; the list and a recipient’s grid show them', async ({ db, user, userPage: page, browser }) => {
  await page.goto('/files');
  const picture = await drawPng(page, 1200, 900);
  const video = await recordWebm(page, 2);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'harbour.png', mimeType: 'image/png', buffer: picture },
    { name: 'waves.webm', mimeType: 'video/webm', buffer: video },
  ]);

  // Each row trades its kind icon for the thumbnail, loaded from the bucket, and decorative.
  for (const name of ['harbour.png', 'waves.webm']) {
    const thumbnail = page.getByTestId('file-row').filter({ hasText: name }).getByTestId('thumbnail');
    await expect(thumbnail).toBeVisible({ timeout: 20_000 });
    await expect(thumbnail).toHaveAttribute('alt', '');
    expect((await loadedSize(thumbnail)).width, name).toBeGreaterThan(0);
  }
  // 1200 × 900 drawn at 320 on its long side, the shape kept.
  expect(await loadedSize(page.getByTestId('file-row').filter({ hasText: 'harbour.png' }).getByTestId('thumbnail'))).toEqual({ width: 320, height: 240 });

  // In the bucket: one small image beside each file.
  const files = await db.file.findMany({ where: { ownerId: user.id }, select: { id: true, name: true, thumbnailKey: true, storageKey: true } });
  expect(files).toHaveLength(2);
  for (const file of files) {
    expect(file.thumbnailKey, file.name).toMatch(new RegExp(`^${file.storageKey}\\.thumb\\.(webp|jpg)$`));
    const head = await objectHead(file.thumbnailKey!);
    expect(head?.size, file.name).toBeGreaterThan(0);
    expect(head!.size, file.name).toBeLessThanOrEqual(THUMBNAIL_MAX_BYTES);
    expect(['image/webp', 'image/jpeg'], file.name).toContain(head!.contentType);
  }

  // A recipient (no account, no session) sees the share of pictures as a grid of thumbnails.
  const token = createToken();
  const share = await seedShare(db, user.id, files[0]!.id, { tokenHash: hashToken(token) });
  await db.shareItem.create({ data: { shareId: share.id, fileId: files[1]!.id } });
  const recipient = await (await browser.newContext({ baseURL: appOrigin() })).newPage();
  for (const size of SIZES) {
    await recipient.setViewportSize(size);
    await recipient.goto(`/s/${token}`);
    const list = recipient.getByRole('list', { name: 'Shared files' });
    await expect(list).toHaveAttribute('data-layout', 'grid');
    const thumbnails = list.getByTestId('thumbnail');
    await expect(thumbnails).toHaveCount(2);
    for (const thumbnail of await thumbnails.all()) expect((await loadedSize(thumbnail)).width).toBeGreaterThan(0);
    expect(await layoutProblems(recipient), size.name).toEqual([]);
    expect(await accessibilityProblems(recipient), size.name).toEqual([]);
    await recipient.screenshot({ path: path.join(SCREENSHOT_DIR, `recipient-thumbnail-grid-${size.name}.png`), fullPage: true });
  }
  await recipient.context().close();
});

test('a share of a picture and a document is a list, the thumbnail beside the picture', async ({ db, user, userPage: page, browser }) => {
  await page.goto('/files');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'plan.png', mimeType: 'image/png', buffer: await drawPng(page, 200, 400) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('minutes of the meeting') },
  ]);
  const planThumbnail = page.getByTestId('file-row').filter({ hasText: 'plan.png' }).getByTestId('thumbnail');
  await expect(planThumbnail).toBeVisible({ timeout: 20_000 });
  // A tall picture: 320 on its long side too.
  expect(await loadedSize(planThumbnail)).toEqual({ width: 160, height: 320 });
  await expect(page.getByTestId('file-row').filter({ hasText: 'notes.txt' }).getByTestId('thumbnail')).toHaveCount(0);

  const [plan, notes] = await Promise.all(['plan.png', 'notes.txt'].map((name) => db.file.findFirstOrThrow({ where: { ownerId: user.id, name } })));
  const token = createToken();
  const share = await seedShare(db, user.id, plan!.id, { tokenHash: hashToken(token) });
  await db.shareItem.create({ data: { shareId: share.id, fileId: notes!.id } });
  const recipient = await (await browser.newContext({ baseURL: appOrigin() })).newPage();
  await recipient.goto(`/s/${token}`);
  const list = recipient.getByRole('list', { name: 'Shared files' });
  await expect(list).toHaveAttribute('data-layout', 'list');
  await expect(list.getByRole('listitem').filter({ hasText: 'plan.png' }).getByTestId('thumbnail')).toHaveCount(1);
  await expect(list.getByRole('listitem').filter({ hasText: 'notes.txt' }).getByTestId('thumbnail')).toHaveCount(0);
  await recipient.context().close();
});

test('a picture sent through an upload request gets its thumbnail from the sender’s browser; the owner’s list shows it', async ({ db, user, userPage: owner, browser }) => {
  const folder = await seedFolder(db, user.id, { name: 'Holiday photos' });
  const token = createToken();
  await seedUploadRequest(db, user.id, folder.id, { tokenHash: hashToken(token), title: 'Your holiday photos' });

  // Someone with no account, in a browser of their own.
  const sender = await (await browser.newContext({ baseURL: appOrigin() })).newPage();
  await sender.goto(`/r/${token}`);
  await sender.getByTestId('file-input').setInputFiles({ name: 'lagoon.png', mimeType: 'image/png', buffer: await drawPng(sender, 900, 600) });
  await expect(sender.getByTestId('upload-row').filter({ hasText: 'lagoon.png' })).toContainText('Uploaded', { timeout: 20_000 });
  // The thumbnail follows the upload; the owner's page shows what is recorded when it loads.
  await expect.poll(async () => (await db.file.findFirst({ where: { ownerId: user.id, name: 'lagoon.png' } }))?.thumbnailKey, { timeout: 20_000 }).toBeTruthy();
  await sender.context().close();

  await owner.goto('/files');
  await owner.getByRole('link', { name: 'Holiday photos' }).click();
  const thumbnail = owner.getByTestId('file-row').filter({ hasText: 'lagoon.png' }).getByTestId('thumbnail');
  await expect(thumbnail).toBeVisible();
  // 900 × 600 drawn at 320 on its long side, loaded from the bucket.
  expect(await loadedSize(thumbnail)).toEqual({ width: 320, height: 213 });
});
