// The core journey on real parts: magic-link sign-in read from the SMTP catcher, a browser upload
// straight to radosgw, a share emailed to two recipients, a download by someone with no account,
// and a revoke that takes effect at once. It runs in each of the four languages, with every text
// read from the catalogues: in German, French or Spanish nothing on the way (pages, emails, sizes)
// may be English.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { firstLink, waitForEmail } from './fixtures/mail';
import { postDownload } from './fixtures/download';
import { BROWSER_LOCALE, say } from './fixtures/say';
import { LOCALES } from '../i18n/locales';
import { formatBytes } from '../lib/bytes';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('sign in, upload, share with two recipients, download without an account, revoke', async ({ browser, page, context }) => {
      const m = (key: string, values?: Record<string, string | number>) => say(locale, key, values);
      const id = randomUUID().slice(0, 8);
      const owner = `owner-${id}@handoff.test`;
      const recipients = [`ana-${id}@handoff.test`, `ben-${id}@handoff.test`];
      const name = 'Q3 report – final.pdf';
      const content = randomBytes(3 * 1024 * 1024);
      const size = formatBytes(content.length, locale); // 3.1 MB, 3,1 MB, 3,1 Mo

      // Sign in through the magic link.
      await page.goto('/files');
      await expect(page).toHaveURL(/\/signin/);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await page.getByLabel(m('auth.signIn.emailLabel')).fill(owner);
      await page.getByRole('button', { name: m('auth.signIn.submit') }).click();
      await expect(page.getByRole('heading', { name: m('auth.checkEmail.title') })).toBeVisible();
      const signInMail = await waitForEmail(owner);
      expect(signInMail.subject).toBe(m('auth.email.subject', { host: new URL(page.url()).host }));
      await page.goto(firstLink(signInMail.text, /http:\/\/localhost:\d+\/api\/auth\/callback\/nodemailer\S+/));
      await expect(page).toHaveURL(/\/files$/);
      await expect(page.getByTestId('signed-in-as')).toHaveText(owner);
      await expect(page.getByRole('heading', { name: m('files.page.emptyTitle') })).toBeVisible();

      // Upload, slowed down so the progress bar can be seen moving.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
      await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: content });
      const progress = page.getByRole('progressbar', { name: m('files.upload.progressLabel', { name }) });
      await expect(progress).toBeVisible();
      await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
      await expect(page.getByTestId('upload-row')).toContainText(m('files.upload.done', { size }), { timeout: 20_000 });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      const row = page.getByTestId('file-row').filter({ hasText: name });
      await expect(row).toContainText(size);
      await expect(row.getByTestId('file-kind')).toHaveText(m('files.kinds.pdf'));
      await expect(row.getByTestId('file-kind')).toHaveAttribute('title', 'application/pdf');

      // Share with two recipients.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await row.getByRole('button', { name: m('files.actions.shareNamed', { name }) }).click();
      const dialog = page.getByRole('dialog', { name: m('shares.dialog.titleOne', { name }) });
      await expect(dialog.getByLabel(m('shares.dialog.expiresIn'))).toHaveValue('7d');
      await dialog.getByLabel(m('shares.dialog.recipients')).fill(recipients.join(', '));
      await dialog.getByLabel(m('shares.dialog.message')).fill('Numbers for Thursday.');
      await dialog.getByRole('button', { name: m('shares.dialog.create') }).click();
      const link = await dialog.getByTestId('share-link').inputValue();
      expect(link).toMatch(/^http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}$/);
      await dialog.getByRole('button', { name: m('common.actions.copy') }).click();
      await expect(dialog.getByRole('button', { name: m('common.actions.copied') })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await dialog.getByRole('button', { name: m('common.actions.done') }).click();

      // Both recipients get an email, in the owner's language, with their own link to the file.
      const recipientLinks: string[] = [];
      for (const address of recipients) {
        const mail = await waitForEmail(address);
        expect(mail.subject).toBe(m('shares.email.invitationSubject', { sender: owner, count: 1, name }));
        expect(mail.text).toContain(m('shares.email.fileLine', { name, size }));
        expect(mail.text).toContain('Numbers for Thursday.');
        expect(mail.html).toContain(name);
        expect(mail.html).toContain(`lang="${locale}"`);
        recipientLinks.push(firstLink(mail.text, /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/));
      }

      // The shares page shows the share with both recipients' delivery.
      await page.getByRole('link', { name: m('shell.nav.shares') }).click();
      const card = page.getByTestId('share-card').first();
      await expect(card).toContainText(name);
      await expect(card.getByTestId('share-status')).toHaveText(m('shares.status.active'));
      await expect(card.getByTestId('recipient-row')).toHaveCount(2);
      await expect(card.getByTestId('delivery')).toHaveText([m('shares.delivery.sent'), m('shares.delivery.sent')]);

      // A stranger with no session, whose browser asks for the same language, downloads the file.
      const stranger = await browser.newContext({ acceptDownloads: true, locale: BROWSER_LOCALE[locale] });
      const strangerPage = await stranger.newPage();
      const response = await strangerPage.goto(recipientLinks[0]!);
      // The link is a credential: it is never sent to another site as a Referer.
      expect(response?.headers()['referrer-policy']).toBe('same-origin');
      await expect(strangerPage.getByTestId('shared-file-name')).toHaveText(name);
      await expect(strangerPage.getByText(size)).toBeVisible();
      await expect(strangerPage.getByRole('heading', { level: 1 })).toHaveText(m('recipient.page.heading', { sharedBy: owner }));
      await expect(strangerPage.getByText('Numbers for Thursday.')).toBeVisible();
      const [download] = await Promise.all([
        strangerPage.waitForEvent('download'),
        strangerPage.getByRole('button', { name: m('recipient.page.downloadLabel', { name }) }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      expect(sha256(await readFile((await download.path())!))).toBe(sha256(content));

      // The owner sees the download counted, revokes, and every link stops at once.
      // The Download form names the file in its address.
      const action = await strangerPage.locator('form[action*="/download?file="]').getAttribute('action');
      const fileId = new URL(action!, strangerPage.url()).searchParams.get('file')!;
      await page.reload();
      await expect(card).toContainText(m('shares.list.expires', { downloads: 1 }).split('·')[1]!.trim());
      page.once('dialog', (confirm) => void confirm.accept());
      await card.getByRole('button', { name: m('shares.revoke.button') }).click();
      await expect(card.getByTestId('share-status')).toHaveText(m('shares.status.revoked'));
      for (const url of [link, ...recipientLinks]) {
        const refused = await strangerPage.goto(url);
        expect(refused?.status()).toBe(404);
        await expect(strangerPage.getByRole('heading', { name: m('recipient.notFound.heading') })).toBeVisible();
        const direct = await postDownload(stranger.request, url, fileId);
        expect(direct.status()).toBe(410);
        expect(direct.headers()['location']).toBeUndefined();
      }
      await stranger.close();
    });
  });
}
