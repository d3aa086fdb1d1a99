// Issue 12: a folder share of 10,000 files opens as a short page (its first files, how many there
// are and their size), lists more on demand, and finds a file anywhere in it by name; a locked
// link lists nothing, neither on the page nor through the list's action.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { putObject } from './fixtures/bucket';
import { appOrigin } from './fixtures/download';
import { callAction } from './fixtures/actions';
import { sweep } from './fixtures/layout';
import { seedFolder, seedUser, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const LIST_ACTIONS = 'app/s/[token]/list-actions.ts';
const FILES = 10_000;
const IN_SUBFOLDER = 2;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A folder "Archive" of report-1.pdf … report-9998.pdf (1 kB each) and a subfolder "Zed" of two more, as rows only. */
async function seedBigFolder(db: Db) {
  const owner = await seedUser(db);
  const archive = await seedFolder(db, owner.id, { name: 'Archive' });
  const zed = await seedFolder(db, owner.id, { name: 'Zed', parentId: archive.id });
  const row = (n: number, folderId: string) => ({
    ownerId: owner.id,
    folderId,
    name: `report-${n}.pdf`,
    size: 1000,
    contentType: 'application/pdf',
    storageKey: `users/${owner.id}/big-${n}`,
    status: 'ready',
  });
  const rows = Array.from({ length: FILES }, (_, i) => row(i + 1, i < FILES - IN_SUBFOLDER ? archive.id : zed.id));
  await db.$transaction([db.file.createMany({ data: rows })]);
  return { owner, archive };
}

async function shareFolder(db: Db, ownerId: string, folderId: string, passwordHash?: string) {
  const token = createToken();
  const share = await db.share.create({
    data: { ownerId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86400_000), passwordHash, items: { create: [{ folderId }] } },
  });
  return { token, share };
}

test('a share of 10,000 files: a short first page, more on demand, search, and a download found by search', async ({ db, browser, request }) => {
  test.setTimeout(180_000);
  const { owner, archive } = await seedBigFolder(db);
  const { token, share } = await shareFolder(db, owner.id, archive.id);
  const middle = await db.file.findFirstOrThrow({ where: { ownerId: owner.id, name: 'report-5000.pdf' } });
  const content = Buffer.from('the five thousandth report\n'.repeat(100));
  await putObject(middle.storageKey, content);
  await db.file.update({ where: { id: middle.id }, data: { size: content.length } });

  // The whole page's HTML stays small, however many files the folder holds.
  const html = await (await request.get(`${appOrigin()}/s/${token}`)).text();
  expect(html.length).toBeLessThan(200_000);

  const page = await (await browser.newContext({ baseURL: appOrigin(), acceptDownloads: true })).newPage();
  await page.goto(`/s/${token}`);
  await expect(page.getByTestId('share-summary')).toHaveText(/^10,000 files, 10 MB in all$/);
  const names = page.getByTestId('shared-file-name');
  // The first files, in the order people read numbers; the rest is behind "Show more".
  await expect(names).toHaveCount(50);
  expect(await names.allTextContents()).toEqual(Array.from({ length: 50 }, (_, i) => `report-${i + 1}.pdf`));
  await expect(page.getByTestId('share-list-status')).toHaveText('Showing 50 of 10,000 files');
  await expect(page.getByRole('button', { name: /Download all \(10,000 files/ })).toBeVisible();
  await sweep(page, 'recipient-big-folder');

  // "Show more" adds the next files and moves focus to the first of them; the count is announced.
  const more = page.getByRole('button', { name: 'Show more' });
  await more.click();
  await expect(names).toHaveCount(100);
  await expect(page.getByRole('listitem').filter({ hasText: 'report-51.pdf' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Showing 100 of 10,000 files' })).toBeVisible();
  await more.click();
  await more.click();
  await expect(names).toHaveCount(200);
  await expect(names.nth(199)).toHaveText('report-200.pdf');

  // Search looks through the whole share, folded ("REPORT" finds "report"), wildcards taken literally.
  const search = page.getByRole('searchbox', { name: 'Search the shared files by name' });
  await search.fill('REPORT-5000');
  await search.press('Enter');
  await expect(names).toHaveText(['report-5000.pdf']);
  await expect(page.getByTestId('share-list-status')).toHaveText('Showing 1 of 1 file matching “REPORT-5000”');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report-5000.pdf' }).click()]);
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(content));

  for (const nothing of ['no such report', '%', '_']) {
    await search.fill(nothing);
    await search.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `No file in this share matches “${nothing}”.` })).toBeVisible();
    await expect(names).toHaveCount(0);
  }
  // Files in a subfolder show where they are.
  await search.fill('report-9999');
  await search.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'report-9999.pdf' })).toContainText('Archive/Zed');

  // Without script the search is a GET of the page, which lists the first page of matches.
  const noScript = await (await browser.newContext({ baseURL: appOrigin(), javaScriptEnabled: false })).newPage();
  await noScript.goto(`/s/${token}?q=report-77`);
  // Names holding "report-77", in number order: 77, 770 to 779, then 7700 onwards, 50 of them.
  const expected = [77, ...Array.from({ length: 10 }, (_, i) => 770 + i), ...Array.from({ length: 39 }, (_, i) => 7700 + i)].map((n) => `report-${n}.pdf`);
  await expect(noScript.getByTestId('shared-file-name')).toHaveText(expected);
  await noScript.context().close();

  // Paging and searching in the page are not new visits: the timeline has the three page loads only.
  expect(await db.accessEvent.count({ where: { shareId: share.id, kind: 'view' } })).toBe(3);
  await page.context().close();
});

test('a locked share of many files shows no names before it is unlocked, on the page or through the list action', async ({ db, browser, requestAs }) => {
  const { owner, archive } = await seedBigFolder(db);
  const { token } = await shareFolder(db, owner.id, archive.id, 'scrypt$never-unlocked');
  const stranger = await requestAs(null);
  const page = await (await browser.newContext({ baseURL: appOrigin() })).newPage();
  await page.goto(`/s/${token}?q=report`);
  await expect(page.getByText('protected by a password')).toBeVisible();
  await expect(page.getByTestId('shared-file-name')).toHaveCount(0);
  expect(await page.content()).not.toContain('report-');
  await page.context().close();

  for (const input of [
    { token, search: '', after: null },
    { token, search: 'report-1', after: null },
  ]) {
    const reply = await callAction(stranger, LIST_ACTIONS, 'listSharedFiles', input, `/s/${token}`);
    expect(reply).toEqual({ ok: false, error: 'Enter the password on the share page first.' });
  }
});
