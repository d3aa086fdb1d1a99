// The core journey on real parts: magic-link sign-in read from the SMTP catcher, a browser upload
// straight to radosgw, a share emailed to two recipients, a download by someone with no account,
// and a revoke that takes effect at once.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { firstLink, waitForEmail } from './fixtures/mail';
import { postDownload } from './fixtures/download';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

test('sign in, upload, share with two recipients, download without an account, revoke', async ({ browser, page, context }) => {
  const id = randomUUID().slice(0, 8);
  const owner = `owner-${id}@handoff.test`;
  const recipients = [`ana-${id}@handoff.test`, `ben-${id}@handoff.test`];

  // Sign in through the magic link.
  await page.goto('/files');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Email address').fill(owner);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const signInMail = await waitForEmail(owner);
  expect(signInMail.subject).toContain('Sign in to Handoff');
  await page.goto(firstLink(signInMail.text, /http:\/\/localhost:\d+\/api\/auth\/callback\/nodemailer\S+/));
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(owner);
  await expect(page.getByRole('heading', { name: 'No files here yet' })).toBeVisible();

  // Upload, slowed down so the progress bar can be seen moving.
  const content = randomBytes(3 * 1024 * 1024);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
  await page.getByTestId('file-input').setInputFiles({ name: 'Q3 report – final.pdf', mimeType: 'application/pdf', buffer: content });
  const progress = page.getByRole('progressbar', { name: 'Upload progress for Q3 report – final.pdf' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('upload-row')).toContainText('Uploaded · 3.1 MB', { timeout: 20_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const row = page.getByTestId('file-row').filter({ hasText: 'Q3 report – final.pdf' });
  await expect(row).toContainText('3.1 MB');
  await expect(row.getByTestId('file-kind')).toHaveText('PDF');
  await expect(row.getByTestId('file-kind')).toHaveAttribute('title', 'application/pdf');

  // Share with two recipients.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await row.getByRole('button', { name: 'Share Q3 report – final.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “Q3 report – final.pdf”' });
  await expect(dialog.getByLabel('Link expires in')).toHaveValue('7d');
  await dialog.getByLabel(/Email a link to/).fill(recipients.join(', '));
  await dialog.getByLabel(/Message/).fill('Numbers for Thursday.');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Both recipients get an email with their own link to the file.
  const recipientLinks: string[] = [];
  for (const address of recipients) {
    const mail = await waitForEmail(address);
    expect(mail.subject).toBe(`${owner} shared Q3 report – final.pdf with you`);
    expect(mail.text).toContain('Q3 report – final.pdf (3.1 MB)');
    expect(mail.text).toContain('Numbers for Thursday.');
    expect(mail.html).toContain('Q3 report – final.pdf');
    recipientLinks.push(firstLink(mail.text, /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/));
  }

  // The shares page shows the share with both recipients' delivery.
  await page.getByRole('link', { name: 'Shares' }).click();
  const card = page.getByTestId('share-card').first();
  await expect(card).toContainText('Q3 report – final.pdf');
  await expect(card.getByTestId('share-status')).toHaveText('Active');
  await expect(card.getByTestId('recipient-row')).toHaveCount(2);
  await expect(card.getByTestId('delivery')).toHaveText(['Sent', 'Sent']);

  // A stranger with no session downloads the file from the first recipient's link.
  const stranger = await browser.newContext({ acceptDownloads: true });
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(recipientLinks[0]!);
  // The link is a credential: it is never sent to another site as a Referer.
  expect(response?.headers()['referrer-policy']).toBe('same-origin');
  await expect(strangerPage.getByTestId('shared-file-name')).toHaveText('Q3 report – final.pdf');
  await expect(strangerPage.getByText('3.1 MB')).toBeVisible();
  await expect(strangerPage.getByText(/shared with you/)).toContainText(owner);
  await expect(strangerPage.getByText('Numbers for Thursday.')).toBeVisible();
  const [download] = await Promise.all([strangerPage.waitForEvent('download'), strangerPage.getByRole('button', { name: 'Download Q3 report – final.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('Q3 report – final.pdf');
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(content));

  // The owner sees the download counted, revokes, and every link stops at once.
  const fileId = await strangerPage.locator('input[name="file"]').inputValue();
  await page.reload();
  await expect(card).toContainText('1 download');
  page.once('dialog', (confirm) => void confirm.accept());
  await card.getByRole('button', { name: 'Revoke' }).click();
  await expect(card.getByTestId('share-status')).toHaveText('Revoked');
  for (const url of [link, ...recipientLinks]) {
    const refused = await strangerPage.goto(url);
    expect(refused?.status()).toBe(404);
    await expect(strangerPage.getByRole('heading', { name: 'This link is not available' })).toBeVisible();
    const direct = await postDownload(stranger.request, url, fileId);
    expect(direct.status()).toBe(410);
    expect(direct.headers()['location']).toBeUndefined();
  }
  await stranger.close();
});
