// Issue 8: a PDF or a video needs room. Their preview nearly fills a desktop window and all of a
// phone's screen; other kinds keep the usual dialog.
import type { Browser } from '@playwright/test';
import { test, expect, type TestUser } from './fixtures';
import { putObject } from './fixtures/bucket';
import { appOrigin } from './fixtures/download';
import { seedFile, seedShare, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

async function shareOf(db: Db, owner: TestUser, files: { name: string; contentType: string }[]) {
  const stored = [];
  for (const { name, contentType } of files) {
    const file = await seedFile(db, owner.id, { name, size: 9 });
    await db.file.update({ where: { id: file.id }, data: { contentType } });
    await putObject(file.storageKey, Buffer.from('%PDF-1.4\n'));
    stored.push(file);
  }
  const token = createToken();
  const share = await seedShare(db, owner.id, stored[0]!.id, { tokenHash: hashToken(token) });
  for (const file of stored.slice(1)) await db.shareItem.create({ data: { shareId: share.id, fileId: file.id } });
  return `/s/${token}`;
}

async function previewBox(browser: Browser, link: string, viewport: { width: number; height: number }, name: string) {
  const context = await browser.newContext({ baseURL: appOrigin(), viewport });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: `Preview ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Preview: ${name}` });
  await expect(dialog.getByTestId(/^preview-(pdf|video|text)$/)).toBeVisible();
  const box = (await dialog.boundingBox())!;
  await context.close();
  return box;
}

test('PDF and video previews fill most of a desktop window and all of a phone; text keeps the usual dialog', async ({ browser, db, user }) => {
  const link = await shareOf(db, user, [
    { name: 'plan.pdf', contentType: 'application/pdf' },
    { name: 'clip.webm', contentType: 'video/webm' },
    { name: 'notes.txt', contentType: 'text/plain' },
  ]);
  for (const name of ['plan.pdf', 'clip.webm']) {
    expect((await previewBox(browser, link, { width: 1280, height: 800 }, name)).width).toBeGreaterThan(1150);
    expect(await previewBox(browser, link, { width: 390, height: 844 }, name)).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
  }
  expect((await previewBox(browser, link, { width: 1280, height: 800 }, 'notes.txt')).width).toBeLessThanOrEqual(576);
});
