import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { seedFile, seedFolder, type Db } from '../prisma/seed';

// The files page, its dialogs and the upload panel, as a person sees them on a desktop and a phone.

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LONG_NAME = 'Quarterly board pack with appendices and every signed minute – final final v12.docx';

async function seedOffice(db: Db, ownerId: string) {
  const word = await seedFile(db, ownerId, { name: LONG_NAME, size: 48_213 });
  await db.file.update({ where: { id: word.id }, data: { contentType: WORD } });
  const sheet = await seedFile(db, ownerId, { name: 'Budget 2027 – salaries, bonuses and headcount by department.xlsx' });
  // Added in another year: the date shows its year.
  await db.file.update({ where: { id: sheet.id }, data: { contentType: SHEET, createdAt: new Date('2025-11-03T10:00:00Z') } });
  return { word, sheet };
}

/** Opens one of a row's actions as a person would at this width: a visible button, or the row's menu. */
async function openRowAction(page: Page, name: string, action: string) {
  const visible = page.getByRole('button', { name: `${action} ${name}`, exact: true });
  if (await visible.isVisible()) return visible.click();
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
}

/** Every element with text of its own is as wide as its text (nothing cut off) and inside the box. */
async function expectTextFits(box: Locator) {
  const problems = await box.evaluate((root) => {
    const outer = root.getBoundingClientRect();
    const found: string[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(element.tagName)) continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      // Skips what is not drawn: hidden elements, and labels for screen readers only (1 px boxes).
      if (!ownText || element.getClientRects().length === 0 || element.getBoundingClientRect().width <= 1) continue;
      const style = getComputedStyle(element);
      if (style.display !== 'inline' && element.scrollWidth > element.clientWidth + 1) found.push(`cut off: ${element.textContent}`);
      const rect = element.getBoundingClientRect();
      if (rect.right > outer.right + 1 || rect.left < outer.left - 1) found.push(`outside the box: ${element.textContent}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const viewport of [WIDE, PHONE]) {
  test(`at ${viewport.width}px dialogs wrap their warnings inside the box, and focus goes where the person is`, async ({ userPage: page, user, db }) => {
    await page.setViewportSize(viewport);
    await seedOffice(db, user.id);
    await page.goto('/files');

    await openRowAction(page, LONG_NAME, 'Share');
    const share = page.getByRole('dialog', { name: `Share “${LONG_NAME}”` });
    await share.getByText('More options').click();
    await expect(share.getByText('Email me when each recipient first downloads')).toBeVisible();
    await expectTextFits(share);
    await share.getByRole('button', { name: 'Create link' }).click();
    const warning = share.getByText(/Copy it now/);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('only a fingerprint of it is kept');
    await expectTextFits(share);
    // Focus lands on the result, not on the page behind the dialog.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
    await share.getByRole('button', { name: 'Done' }).click();
    await expect(share).toBeHidden();
    const opener = viewport === WIDE ? `Share ${LONG_NAME}` : `Actions for ${LONG_NAME}`;
    await expect(page.getByRole('button', { name: opener, exact: true })).toBeFocused();

    await openRowAction(page, LONG_NAME, 'S3 link');
    const direct = page.getByRole('dialog', { name: 'Direct S3 link' });
    await expect(direct.getByRole('note')).toContainText('cannot be revoked');
    await direct.getByRole('button', { name: 'Create S3 link' }).click();
    await expect(direct.getByTestId('direct-link')).toBeVisible();
    await expectTextFits(direct);
    await page.keyboard.press('Escape');
    await expect(direct).toBeHidden();
    await expect(page.getByRole('button', { name: `Actions for ${LONG_NAME}` })).toBeFocused();
  });
}

test('the table gives names the room, says what kind each file is, and keeps every action inside its edge', async ({ userPage: page, user, db }) => {
  await page.setViewportSize(WIDE);
  await seedOffice(db, user.id);
  await seedFolder(db, user.id, { name: 'Contracts signed by every supplier since the company began trading' });
  await page.goto('/files');

  const word = page.getByTestId('file-row').filter({ hasText: LONG_NAME });
  const kind = word.getByTestId('file-kind');
  await expect(kind).toHaveText('Word document');
  await expect(kind).toHaveAttribute('title', WORD);
  await expect(page.getByTestId('file-row').filter({ hasText: 'Budget 2027' }).getByTestId('file-kind')).toHaveText('Spreadsheet');
  await expect(page.getByTestId('folder-row').getByTestId('file-kind')).toHaveText('Folder');
  // The name, not the type, gets the width.
  const nameWidth = await word.getByText(LONG_NAME).evaluate((element) => element.getBoundingClientRect().width);
  expect(nameWidth).toBeGreaterThan(300);

  // Compact dates on one line, the full date and time on hover.
  const today = word.locator('time');
  await expect(today).toHaveText(/^Today \d{1,2}:\d{2}/);
  const older = page.getByTestId('file-row').filter({ hasText: 'Budget 2027' }).locator('time');
  await expect(older).toContainText('2025');
  await expect(older).toHaveAttribute('title', /2025.*\d{1,2}:\d{2}/);
  for (const time of await page.locator('tbody time').all()) expect(await time.evaluate((element) => element.getClientRects().length)).toBe(1);

  const table = page.locator('table');
  const edge = await table.evaluate((element) => element.parentElement!.getBoundingClientRect().right);
  for (const button of await table.getByRole('button').all()) {
    expect((await button.boundingBox())!.x + (await button.boundingBox())!.width).toBeLessThanOrEqual(edge + 1);
  }
  expect(await table.evaluate((element) => element.parentElement!.scrollWidth <= element.parentElement!.clientWidth)).toBe(true);
});

test('on a phone the row actions are one menu: arrows move, Escape closes, focus returns to its button', async ({ userPage: page, user, db }) => {
  await page.setViewportSize(PHONE);
  await seedOffice(db, user.id);
  await page.goto('/files');
  const row = page.getByTestId('file-row').filter({ hasText: LONG_NAME });
  await expect(row.getByRole('button')).toHaveCount(1);
  const menuButton = row.getByRole('button', { name: `Actions for ${LONG_NAME}` });
  await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
  // Nothing in the page's content reaches past the screen's edge (the header is checked on its own).
  expect(await page.locator('main').evaluate((main) => main.scrollWidth <= main.clientWidth)).toBe(true);

  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Share' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'S3 link' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete file?' });
  await expect(dialog).toContainText(LONG_NAME);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(menuButton).toBeFocused();
});

test('select all, a readable selection bar, and no accessibility violation on the page or its dialogs', async ({ userPage: page, user, db }) => {
  await page.setViewportSize(WIDE);
  await seedOffice(db, user.id);
  await page.goto('/files');

  const all = page.getByRole('checkbox', { name: 'Select all on this page' });
  await page.getByRole('checkbox', { name: `Select ${LONG_NAME}` }).check();
  expect(await all.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);
  await all.check();
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('2 selected');
  for (const box of await page.locator('tbody').getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Share selected' }).click();
  await expect(page.getByRole('dialog', { name: 'Share 2 items' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Share selected' })).toBeFocused();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('region', { name: 'Selection' })).toBeHidden();
  await expect(all).not.toBeChecked();
  expect(await all.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(false);

  await openRowAction(page, LONG_NAME, 'Share');
  const share = page.getByRole('dialog', { name: `Share “${LONG_NAME}”` });
  await share.getByText('More options').click();
  await expectNoAxeViolations(page);
  await share.getByRole('button', { name: 'Create link' }).click();
  await expect(share.getByTestId('share-link')).toBeVisible();
  await expectNoAxeViolations(page);
  await share.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: `Actions for ${LONG_NAME}` }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('menuitem', { name: 'S3 link' }).click();
  await expect(page.getByRole('dialog', { name: 'Direct S3 link' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('uploads: a styled progress bar, no "No files here yet" under the first upload, finished rows dismissed or cleared', async ({ userPage: page, context }) => {
  await page.setViewportSize(WIDE);
  await page.goto('/files');
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeVisible();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.getByTestId('file-input').setInputFiles({ name: 'first.bin', mimeType: 'application/octet-stream', buffer: randomBytes(4_000_000) });
  const progress = page.getByRole('progressbar', { name: 'Upload progress for first.bin' });
  await expect(progress).toBeVisible();
  // Drawn by the app (not the browser's own bar), and still read out as a number.
  expect(await progress.evaluate((element) => element.tagName)).not.toBe('PROGRESS');
  expect(await progress.getAttribute('aria-valuenow')).toMatch(/^\d+$/);
  // Checked at once, not waited for: while the upload is still under way.
  expect(await page.getByRole('heading', { name: 'No files here yet' }).isVisible()).toBe(false);
  await expect(progress).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByTestId('file-row')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeHidden();

  const rows = page.getByTestId('upload-row');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'second.txt', mimeType: 'text/plain', buffer: randomBytes(100) },
    { name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(21_000_001) },
  ]);
  await expect(rows.filter({ hasText: 'second.txt' })).toContainText('Uploaded');
  await expect(rows).toHaveCount(3);

  await rows.filter({ hasText: 'first.bin' }).getByRole('button', { name: 'Dismiss first.bin' }).click();
  await expect(rows).toHaveCount(2);
  // Clear finished takes what arrived; a failure stays, with its reason, until dismissed.
  await page.getByRole('button', { name: 'Clear finished' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('alert')).toHaveText('This file is 21 MB; the limit is 20 MB.');
  await rows.getByRole('button', { name: 'Dismiss huge.bin' }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('file-row')).toHaveCount(2);
});
