// Issue 8, previews: each kind renders for the owner and the recipient, straight from the bucket;
// HTML and SVG with script never run on the app's origin, whichever way they are opened; previews
// are refused where downloads are, take nothing from a download cap, and land on the timeline.
import type { Locator, Page } from '@playwright/test';
import { test, expect, type TestUser } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';
import { putObject } from './fixtures/bucket';
import { recordWebm } from './fixtures/media';
import { appOrigin, postDownload } from './fixtures/download';
import { seedFile, seedShare, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const SHARE_ACTIONS = 'app/s/[token]/actions.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Half a second of silence: 8 kHz, mono, 16-bit PCM. */
function wav(): Buffer {
  const data = Buffer.alloc(8000);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A one-page PDF with its cross-reference table at the right offsets. */
function pdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 20 100 Td (Hello PDF) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, n) => {
    const offset = body.length;
    body += `${n + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PWN = 'window.top.__pwned=1';
const EVIL_HTML = Buffer.from(`<!doctype html><h1>Hi</h1><script>${PWN}</script><img src=x onerror="${PWN}">`);
const EVIL_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="${PWN}"><script>${PWN}</script><rect width="40" height="40" fill="red"/></svg>`,
);

type Stored = { id: string; name: string; storageKey: string };

async function storeFile(db: Db, owner: TestUser, name: string, contentType: string, body: Buffer): Promise<Stored> {
  const file = await seedFile(db, owner.id, { name, size: body.length });
  await db.file.update({ where: { id: file.id }, data: { contentType } });
  await putObject(file.storageKey, body);
  return file;
}

/** A share of these files; returns its token and id. */
async function shareFiles(
  db: Db,
  owner: TestUser,
  files: Stored[],
  data: { maxDownloads?: number; revokedAt?: Date; expiresAt?: Date; availableFrom?: Date; passwordHash?: string } = {},
) {
  const token = createToken();
  const share = await seedShare(db, owner.id, files[0]!.id, { tokenHash: hashToken(token), ...(data.expiresAt && { expiresAt: data.expiresAt }) });
  for (const file of files.slice(1)) await db.shareItem.create({ data: { shareId: share.id, fileId: file.id } });
  await db.share.update({
    where: { id: share.id },
    data: { maxDownloads: data.maxDownloads, revokedAt: data.revokedAt, availableFrom: data.availableFrom, passwordHash: data.passwordHash },
  });
  return { token, shareId: share.id };
}

/** The share page has a Preview button per file; the files page has it in the row's menu. */
async function openPreview(page: Page, name: string): Promise<Locator> {
  const button = page.getByRole('button', { name: `Preview ${name}` });
  if (await button.count()) await button.click();
  else {
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Preview' }).click();
  }
  const dialog = page.getByRole('dialog', { name: `Preview: ${name}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closePreview(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

const imageWidth = (image: Locator) => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

/** No script from a file ran: not on the app's page, nor in any frame of the app's origin. */
async function expectNoScriptRan(page: Page) {
  for (const frame of page.frames()) {
    const url = frame.url();
    if (url !== 'about:blank' && new URL(url).origin !== appOrigin()) continue;
    expect(await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned), url).toBeUndefined();
  }
}

test('the owner previews images, PDFs, audio, video, text, CSV and Markdown from the bucket; long text only its first 1 MB', async ({ db, user, userPage: page }) => {
  await storeFile(db, user, 'photo.png', 'image/png', PNG);
  const document = await storeFile(db, user, 'report.pdf', 'application/pdf', pdf());
  await storeFile(db, user, 'tone.wav', 'audio/wav', wav());
  await storeFile(db, user, 'clip.webm', 'video/webm', await recordWebm(page));
  await storeFile(db, user, 'notes.txt', 'text/plain', Buffer.from('hello from the notes\n<b>not bold</b>\n'));
  await storeFile(db, user, 'people.csv', 'text/csv', Buffer.from('name,city\n"Smith, Ana","São Paulo"\nBo,Lyon\n'));
  await storeFile(db, user, 'CHANGES.md', '', Buffer.from('# Release notes\n\n- [safe](https://example.com)\n- [bad](javascript:alert(1))\n'));
  const long = await storeFile(db, user, 'server.log', 'text/plain', Buffer.from(`${'x'.repeat(99)}\n`.repeat(15_000) + 'THE-END\n'));
  await page.goto('/files');

  let dialog = await openPreview(page, 'photo.png');
  await expect.poll(() => imageWidth(dialog.getByRole('img', { name: 'photo.png' }))).toBeGreaterThan(0);
  expect(new URL((await dialog.getByRole('img').getAttribute('src'))!).origin).not.toBe(appOrigin());
  await closePreview(dialog);

  const pdfAnswer = page.waitForResponse((response) => response.url().includes(document.storageKey));
  dialog = await openPreview(page, 'report.pdf');
  const frame = dialog.locator('iframe');
  await expect(frame).toHaveAttribute('title', 'report.pdf');
  expect(new URL((await frame.getAttribute('src'))!).origin).not.toBe(appOrigin());
  expect((await pdfAnswer).status()).toBe(200);
  expect((await pdfAnswer).headers()['content-type']).toBe('application/pdf');
  expect((await pdfAnswer).headers()['content-disposition']).toMatch(/^inline; filename="report.pdf"/);
  await closePreview(dialog);

  dialog = await openPreview(page, 'tone.wav');
  await expect.poll(() => dialog.locator('audio').evaluate((media: HTMLAudioElement) => media.duration)).toBeGreaterThan(0.4);
  await expect(dialog.locator('audio')).toHaveAttribute('controls', '');
  await closePreview(dialog);

  dialog = await openPreview(page, 'clip.webm');
  await expect.poll(() => dialog.locator('video').evaluate((media: HTMLVideoElement) => (media.readyState >= 1 ? media.videoWidth : 0))).toBe(64);
  await expect(dialog.locator('video')).toHaveAttribute('controls', '');
  await closePreview(dialog);

  dialog = await openPreview(page, 'notes.txt');
  await expect(dialog.getByTestId('preview-text')).toHaveText('hello from the notes\n<b>not bold</b>\n');
  await closePreview(dialog);

  dialog = await openPreview(page, 'people.csv');
  await expect(dialog.getByRole('columnheader', { name: 'city' })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Smith, Ana' })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'São Paulo' })).toBeVisible();
  await closePreview(dialog);

  dialog = await openPreview(page, 'CHANGES.md');
  await expect(dialog.getByRole('heading', { name: 'Release notes' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'safe' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(dialog.getByRole('link', { name: 'bad' })).toHaveCount(0);
  await expect(dialog.locator('a[href^="javascript"]')).toHaveCount(0);
  await closePreview(dialog);

  // 1.5 MB of log: one ranged GET for the first 1 MB, and the dialog says there is more.
  const ranged = page.waitForResponse((response) => response.url().includes(long.storageKey));
  dialog = await openPreview(page, 'server.log');
  expect((await ranged).status()).toBe(206);
  await expect(dialog.getByTestId('preview-text')).toContainText('xxxx');
  await expect(dialog.getByTestId('preview-text')).not.toContainText('THE-END');
  await expect(dialog.getByText(/^Showing the first .+ of .+\. Download the file to see all of it\.$/)).toBeVisible();
  await closePreview(dialog);

  // Types that could be anything get no Preview at all.
  await storeFile(db, user, 'archive.bin', 'application/octet-stream', Buffer.from('?'));
  await page.reload();
  await page.getByRole('button', { name: 'Actions for archive.bin' }).click();
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'S3 link' })).toBeVisible();
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Preview' })).toHaveCount(0);
});

test('a recipient previews from the share page; the preview is on the timeline and takes no download', async ({ db, user, userPage, browser }) => {
  const image = await storeFile(db, user, 'site-plan.png', 'image/png', PNG);
  const notes = await storeFile(db, user, 'notes.txt', 'text/plain', Buffer.from('meeting at noon'));
  const { token, shareId } = await shareFiles(db, user, [image, notes]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  let dialog = await openPreview(page, 'site-plan.png');
  await expect.poll(() => imageWidth(dialog.getByRole('img', { name: 'site-plan.png' }))).toBeGreaterThan(0);
  await closePreview(dialog);
  dialog = await openPreview(page, 'notes.txt');
  await expect(dialog.getByTestId('preview-text')).toHaveText('meeting at noon');
  await closePreview(dialog);
  await context.close();

  const events = await db.accessEvent.findMany({ where: { shareId, kind: 'preview' }, orderBy: { at: 'asc' } });
  expect(events.map((e) => e.fileId).sort()).toEqual([image.id, notes.id].sort());
  expect((await db.share.findUniqueOrThrow({ where: { id: shareId } })).downloadCount).toBe(0);
  await userPage.goto(`/shares/${shareId}`);
  await expect(userPage.getByTestId('timeline')).toContainText('previewed site-plan.png');
  await expect(userPage.getByTestId('timeline')).toContainText('previewed notes.txt');
});

test('HTML and SVG with script never run on the app origin: previewed, downloaded, zipped or linked', async ({ db, user, userPage, userRequest, requestAs, browser }) => {
  const html = await storeFile(db, user, 'page.html', 'text/html', EVIL_HTML);
  const svg = await storeFile(db, user, 'badge.svg', 'image/svg+xml', EVIL_SVG);
  const { token } = await shareFiles(db, user, [html, svg]);

  // The owner's previews: HTML as escaped text, SVG only as an image.
  await userPage.goto('/files');
  let dialog = await openPreview(userPage, 'page.html');
  await expect(dialog.getByTestId('preview-text')).toHaveText(EVIL_HTML.toString());
  await closePreview(dialog);
  dialog = await openPreview(userPage, 'badge.svg');
  await expect.poll(() => imageWidth(dialog.getByRole('img', { name: 'badge.svg' }))).toBe(40);
  await closePreview(dialog);
  await expectNoScriptRan(userPage);

  // The recipient's previews, both Download buttons and "Download all".
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  dialog = await openPreview(page, 'page.html');
  await expect(dialog.getByTestId('preview-text')).toContainText('<script>');
  await closePreview(dialog);
  dialog = await openPreview(page, 'badge.svg');
  await expect.poll(() => imageWidth(dialog.getByRole('img', { name: 'badge.svg' }))).toBe(40);
  await closePreview(dialog);
  for (const name of ['page.html', 'badge.svg']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()]);
    expect(download.suggestedFilename()).toBe(name);
  }
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all/ }).click()]);
  expect(zip.suggestedFilename()).toBe('shared-files.zip');
  await expectNoScriptRan(page);

  // The URLs themselves, opened on their own: the HTML preview is plain text; the SVG one and the
  // direct S3 link are saved, not shown.
  const anonymous = await requestAs(null);
  const htmlPreview = await callAction(anonymous, SHARE_ACTIONS, 'previewFile', { token, fileId: html.id }, `/s/${token}`);
  const svgPreview = await callAction(userRequest, FILES_ACTIONS, 'previewFile', { fileId: svg.id });
  const direct = await callAction(userRequest, FILES_ACTIONS, 'createDirectLink', { fileId: html.id, expiresIn: 60 });
  const urlOf = (reply: { data?: unknown }) => (reply.data as { url: string }).url;
  const shown = await page.goto(urlOf(htmlPreview));
  expect(shown!.headers()['content-type']).toBe('text/plain; charset=utf-8');
  await expect(page.locator('body')).toContainText('<script>');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const svgAnswer = await anonymous.get(urlOf(svgPreview));
  expect(svgAnswer.headers()['content-disposition']).toMatch(/^attachment;/);
  const directAnswer = await anonymous.get(urlOf(direct));
  expect(directAnswer.headers()['content-type']).toBe('application/octet-stream');
  expect(directAnswer.headers()['content-disposition']).toMatch(/^attachment;/);
  await context.close();
});

test('a preview is refused where a download is (revoked, expired, locked, not yet available), with the same words; a capped link offers none', async ({
  db,
  user,
  requestAs,
  browser,
}) => {
  const anonymous = await requestAs(null);
  const cases = [
    { label: 'revoked', options: { revokedAt: new Date() } },
    { label: 'expired', options: { expiresAt: new Date(Date.now() - 60_000) } },
    { label: 'locked', options: { passwordHash: 'scrypt$not-unlocked' } },
    { label: 'not-yet', options: { availableFrom: new Date(Date.now() + 86400_000) } },
  ];
  for (const { label, options } of cases) {
    const file = await storeFile(db, user, `${label}.png`, 'image/png', PNG);
    const { token, shareId } = await shareFiles(db, user, [file], options);
    const preview = await callAction(anonymous, SHARE_ACTIONS, 'previewFile', { token, fileId: file.id }, `/s/${token}`);
    const download = await postDownload(anonymous, `/s/${token}`, file.id);
    expect(preview.ok, label).toBe(false);
    expect(download.status(), label).toBeGreaterThanOrEqual(400);
    expect(await download.text(), label).toContain(preview.error!);
    expect(await db.accessEvent.count({ where: { shareId, kind: 'preview' } }), label).toBe(0);
  }

  // A capped link: no Preview button, and the action refuses, leaving the cap untouched.
  const file = await storeFile(db, user, 'capped.png', 'image/png', PNG);
  const { token, shareId } = await shareFiles(db, user, [file], { maxDownloads: 1 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${token}`);
  await expect(page.getByRole('button', { name: 'Download capped.png' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview capped.png' })).toHaveCount(0);
  await context.close();
  expect(await callAction(anonymous, SHARE_ACTIONS, 'previewFile', { token, fileId: file.id }, `/s/${token}`)).toEqual({
    ok: false,
    error: 'This link allows a limited number of downloads, so its files cannot be previewed. Download them instead.',
  });
  const share = await db.share.findUniqueOrThrow({ where: { id: shareId } });
  expect(share.downloadCount).toBe(0);
  expect(await db.accessEvent.count({ where: { shareId, kind: 'preview' } })).toBe(0);
});

test('an owner previews only their own files, and not before the virus scan clears them', async ({ db, user, makeUser, requestAs }) => {
  const mine = await storeFile(db, user, 'mine.png', 'image/png', PNG);
  const other = await makeUser();
  const asOther = await requestAs(other.sessionToken);
  expect(await callAction(asOther, FILES_ACTIONS, 'previewFile', { fileId: mine.id })).toEqual({ ok: false, error: 'That file no longer exists.' });
  await db.file.update({ where: { id: mine.id }, data: { scanStatus: 'infected' } });
  expect(await callAction(await requestAs(user.sessionToken), FILES_ACTIONS, 'previewFile', { fileId: mine.id })).toEqual({
    ok: false,
    error: '"mine.png" contained a virus, so it cannot be previewed.',
  });
  expect(await callAction(await requestAs(null), FILES_ACTIONS, 'previewFile', { fileId: mine.id })).toEqual({
    ok: false,
    error: 'You are signed out. Sign in again to continue.',
  });
});
