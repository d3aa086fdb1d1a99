// Issue 3 on the production build: caps counted only for a person's press of Download, passwords,
// per-recipient control from the share page, a shared folder downloaded as one zip built in the browser.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { firstLink, waitForEmail } from './fixtures/mail';
import { putObject } from './fixtures/bucket';
import { postDownload, postDownloadField } from './fixtures/download';
import { seedFile, seedShare, uniqueEmail } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const shareLink = /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/;

test('a cap of 5 gives exactly 5 redirects to 20 concurrent presses of Download', async ({ db, user, requestAs }) => {
  const file = await seedFile(db, user.id, { name: 'capped.pdf' });
  const token = createToken();
  const share = await seedShare(db, user.id, file.id, { tokenHash: hashToken(token) });
  await db.share.update({ where: { id: share.id }, data: { maxDownloads: 5 } });
  const anonymous = await requestAs(null);

  const responses = await Promise.all(Array.from({ length: 20 }, () => postDownload(anonymous, `/s/${token}`, file.id)));
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 303)).toHaveLength(5);
  expect(statuses.filter((s) => s === 410)).toHaveLength(15);
  for (const response of responses.filter((r) => r.status() === 410)) expect(response.headers()['location']).toBeUndefined();
  expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(5);
});

test("a share page opened before the file moved into the form's address still downloads: the file as a form field is one download", async ({ db, user, requestAs }) => {
  const file = await seedFile(db, user.id, { name: 'older-page.pdf' });
  const token = createToken();
  const share = await seedShare(db, user.id, file.id, { tokenHash: hashToken(token) });
  const response = await postDownloadField(await requestAs(null), `/s/${token}`, file.id);
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toContain(file.storageKey.split('/').pop()!);
  expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(1);
  expect(await db.accessEvent.count({ where: { shareId: share.id, fileId: file.id, kind: 'download' } })).toBe(1);
});

test('link previews, scanners, range probes and other sites take no download; a press of Download on the page takes one', async ({ db, user, requestAs, browser }) => {
  const content = randomBytes(4000);
  const file = await seedFile(db, user.id, { name: 'scanned.pdf', size: content.length });
  await putObject(file.storageKey, content);
  const token = createToken();
  const share = await seedShare(db, user.id, file.id, { tokenHash: hashToken(token) });
  const link = `/s/${token}`;
  const anonymous = await requestAs(null);
  const slackbot = 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)';

  // GETs of the download address (scanners following it, range probes, old bookmarks) only lead to the share page.
  const probes: Record<string, string>[] = [
    { Range: 'bytes=0-0' },
    { 'User-Agent': slackbot },
    { 'User-Agent': 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)' },
    { 'User-Agent': 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)' },
    { 'User-Agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' },
    { 'Sec-Purpose': 'prefetch' },
  ];
  for (const headers of probes) {
    const response = await anonymous.get(`${link}/download?file=${file.id}`, { headers, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(303);
    expect(response.headers()['location'], JSON.stringify(headers)).toBe(link);
  }
  expect((await anonymous.head(`${link}/download?file=${file.id}`, { maxRedirects: 0 })).headers()['location']).toBe(link);

  // A preview agent that posts the form is refused, as is a form on another site.
  for (const agent of [slackbot, 'Twitterbot/1.0', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'WhatsApp/2.23.20.0 A']) {
    const response = await postDownload(anonymous, link, file.id, { 'User-Agent': agent });
    expect(response.status(), agent).toBe(403);
    expect(response.headers()['location'], agent).toBeUndefined();
  }
  const forged = await postDownload(anonymous, link, file.id, { Origin: 'http://evil.example' });
  expect(forged.status()).toBe(403);
  expect(forged.headers()['location']).toBeUndefined();

  const counted = async () => ({
    downloads: (await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount,
    events: await db.accessEvent.count({ where: { shareId: share.id, kind: 'download' } }),
  });
  expect(await counted()).toEqual({ downloads: 0, events: 0 });

  // A person presses Download: the file is saved under its name, and that is one download.
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download scanned.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('scanned.pdf');
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(content));
  expect(await counted()).toEqual({ downloads: 1, events: 1 });
  await context.close();
});

test('password: set when sharing, asked of the recipient, and changing it locks everyone out again', async ({ userPage: page, browser, db, user }) => {
  const file = await seedFile(db, user.id, { name: 'salaries.xlsx' });
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share salaries.xlsx' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “salaries.xlsx”' });
  await dialog.getByText('More options').click();
  await dialog.getByLabel('Password').fill('first-secret');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByText('protected by a password')).toBeVisible();
  await expect(stranger.getByTestId('shared-file-name')).toHaveCount(0);
  expect((await postDownload(stranger.request, link, file.id)).status()).toBe(403);
  await stranger.getByLabel('Password').fill('wrong');
  await stranger.getByRole('button', { name: 'Unlock' }).click();
  await expect(stranger.getByText('That password is not right.')).toBeVisible();
  await stranger.getByLabel('Password').fill('first-secret');
  await stranger.getByRole('button', { name: 'Unlock' }).click();
  await expect(stranger.getByTestId('shared-file-name')).toHaveText('salaries.xlsx');
  expect((await postDownload(stranger.request, link, file.id)).status()).toBe(303);

  // The owner changes the password on the share's page: the earlier unlock no longer works.
  await page.goto('/shares');
  await page.getByRole('link', { name: 'salaries.xlsx' }).click();
  await page.getByLabel('Change').check();
  await page.getByLabel('New password').fill('second-secret');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await stranger.reload();
  await expect(stranger.getByText('protected by a password')).toBeVisible();
  expect((await postDownload(stranger.request, link, file.id)).status()).toBe(403);
  await stranger.context().close();
});

test('per recipient: own links, revoke one, add and resend, and a timeline of what happened', async ({ userPage: page, browser, db, user }) => {
  const file = await seedFile(db, user.id, { name: 'contract.pdf' });
  const [ana, ben, cleo] = [uniqueEmail('ana'), uniqueEmail('ben'), uniqueEmail('cleo')];
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share contract.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “contract.pdf”' });
  await dialog.getByLabel(/Email a link to/).fill(`${ana}, ${ben}`);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('share-link')).toBeVisible();
  const anaLink = firstLink((await waitForEmail(ana)).text, shareLink);
  const benLink = firstLink((await waitForEmail(ben)).text, shareLink);
  expect(anaLink).not.toBe(benLink);

  const visitor = await (await browser.newContext({ userAgent: 'Ana/1.0 test browser' })).newPage();
  await visitor.goto(anaLink);
  expect((await postDownload(visitor.request, anaLink, file.id)).status()).toBe(303);

  await page.goto('/shares');
  await page.getByRole('link', { name: 'contract.pdf' }).click();
  const anaRow = page.getByTestId('recipient-row').filter({ hasText: ana });
  await expect(anaRow.getByTestId('delivery')).toHaveText('Sent');
  await expect(anaRow.getByTestId('recipient-downloads')).toHaveText('1');
  await expect(anaRow).not.toContainText('Not yet');
  await expect(page.getByTestId('timeline')).toContainText(`${ana} opened the link`);
  await expect(page.getByTestId('timeline')).toContainText(`${ana} downloaded contract.pdf`);
  await expect(page.getByTestId('timeline')).toContainText('Ana/1.0 test browser');

  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('button', { name: `Revoke ${ana}` }).click();
  await expect(anaRow.getByTestId('delivery')).toHaveText('Revoked');
  expect((await visitor.goto(anaLink))?.status()).toBe(404);
  expect((await postDownload(visitor.request, benLink, file.id)).status()).toBe(303);

  await page.getByLabel('Add people').fill(cleo);
  await page.getByRole('button', { name: 'Add and email' }).click();
  await expect(page.getByText('Added 1')).toBeVisible();
  expect(firstLink((await waitForEmail(cleo)).text, shareLink)).toMatch(shareLink);

  await page.getByRole('button', { name: `Resend to ${ben}` }).click();
  await expect(page.getByText('New link sent')).toBeVisible();
  await expect.poll(async () => (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(ben)}`).then((r) => r.json())).length).toBe(2);
  expect((await postDownload(visitor.request, benLink, file.id)).status()).toBe(404);
  await visitor.context().close();
});

test('a shared folder lists its files, subfolders included, and downloads as one zip made in the browser', async ({ userPage: page, browser }) => {
  const files = { 'notes.txt': randomBytes(3000), 'data.csv': randomBytes(5000) };
  await page.goto('/files');
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('Folder name').fill('Handover');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'Handover' }).click();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Handover');
  await page.getByTestId('file-input').setInputFiles(Object.entries(files).map(([name, buffer]) => ({ name, mimeType: 'text/plain', buffer })));
  await expect(page.getByTestId('file-row')).toHaveCount(2);
  await page.getByRole('link', { name: 'My files' }).click();
  await page.getByRole('button', { name: 'Share Handover', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “Handover”' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();

  const context = await browser.newContext({ acceptDownloads: true });
  const stranger = await context.newPage();
  await stranger.goto(link);
  await expect(stranger.getByTestId('shared-file-name')).toHaveText(['data.csv', 'notes.txt']);
  await expect(stranger.getByText('Handover ·').first()).toBeVisible();
  const [download] = await Promise.all([stranger.waitForEvent('download'), stranger.getByRole('button', { name: /Download all \(2 files/ }).click()]);
  expect(download.suggestedFilename()).toBe('shared-files.zip');
  const zipPath = (await download.path())!;
  const listing = JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import zipfile,sys,json,hashlib; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))', zipPath],
      { encoding: 'utf8' },
    ),
  ) as Record<string, string>;
  expect(listing).toEqual({ 'Handover/notes.txt': sha256(files['notes.txt']), 'Handover/data.csv': sha256(files['data.csv']) });
  await context.close();
});

test('a share that opens later says when, and gives no file before then', async ({ db, user, browser }) => {
  const file = await seedFile(db, user.id, { name: 'embargoed.pdf' });
  const token = createToken();
  const share = await seedShare(db, user.id, file.id, { tokenHash: hashToken(token) });
  await db.share.update({ where: { id: share.id }, data: { availableFrom: new Date(Date.now() + 86400_000) } });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/s/${token}`);
  await expect(page.getByRole('status')).toContainText('will be available from');
  await expect(page.getByTestId('shared-file-name')).toHaveCount(0);
  expect((await postDownload(page.request, `/s/${token}`, file.id)).status()).toBe(403);
  await page.context().close();
});
