import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { test, expect, sessionCookie, type TestUser } from './fixtures';
import { seedFile, seedFolder, seedSession, seedUser, uniqueEmail, type Db } from '../prisma/seed';
import { callAction, REQUESTS_ACTIONS, SHARES_ACTIONS } from './fixtures/actions';
import { sweep } from './fixtures/layout';
import { BROWSER_LOCALE, say } from './fixtures/say';

// Every page and dialog at phone and desktop widths, in light and dark, with the longest things
// people really have: Office MIME types, names without spaces, long email addresses.
const LONG_NAME = 'Quarterly financial report for the board of directors with appendices and annexes FINAL v12 (reviewed by legal).docx';
const UNBROKEN_NAME = `${'Handoff_export_'.repeat(9)}2026-12-01.xlsx`;
const LONG_EMAIL = 'a-very-long-recipient-address-for-layout-checks@finance.subsidiary.a-rather-long-client-domain.example.com';
const OFFICE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

async function seedLibrary(db: Db, user: TestUser) {
  await seedFolder(db, user.id, { name: `Client deliverables and signed contracts for the financial year ${'2026 '.repeat(6)}` });
  await seedFolder(db, user.id, { name: 'Inbox' });
  const names = [LONG_NAME, UNBROKEN_NAME, 'données été.csv', 'photo.jpg', 'notes.md', 'archive.zip'];
  const files = [];
  for (const [i, name] of names.entries()) {
    const file = await seedFile(db, user.id, { name, size: 1024 ** 2 * (i + 1) * 37 });
    await db.file.update({ where: { id: file.id }, data: { contentType: OFFICE_TYPES[i % OFFICE_TYPES.length]! } });
    files.push(file);
  }
  return files;
}

async function shareLink(request: Parameters<typeof callAction>[0], fileIds: string[], recipients = '') {
  const reply = await callAction(request, SHARES_ACTIONS, 'createShare', { fileIds, expiry: '7d', recipients });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.data as { id: string; url: string };
}

async function stranger(page: Page, locale: string) {
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin, locale });
  return context.newPage();
}

// In English and in German, whose words run longest: a label that fits in one may not in the other.
for (const locale of ['en', 'de'] as const) {
  test.describe(`every page fits phones and desktops, light and dark (${locale})`, () => {
    // Each page is checked 4 times (2 widths × 2 themes) with axe-core: slow, not stuck.
    test.describe.configure({ timeout: 240_000 });
    test.use({ locale: BROWSER_LOCALE[locale] });
    const m = (key: string, values?: Record<string, string>) => say(locale, key, values);
    // The English screenshots keep their plain names (the README shows some); others say their language.
    const shot = (name: string) => (locale === 'en' ? name : `${locale}-${name}`);
    test('signed-out pages: sign in, check your email, not found', async ({ page }) => {
      await page.goto('/signin');
      await sweep(page, shot('signin'));
      await page.getByLabel(m('auth.signIn.emailLabel')).fill(uniqueEmail('layout'));
      await page.getByRole('button', { name: m('auth.signIn.submit') }).click();
      await expect(page.getByRole('heading', { name: m('auth.checkEmail.title') })).toBeVisible();
      await sweep(page, shot('check-email'));
      await page.goto('/no-such-page');
      await sweep(page, shot('not-found'));
    });

    test('the second step of signing in, with every kind of second factor', async ({ page, db }) => {
      // Halfway signed in (an email link, no second factor given yet) with a long address.
      const user = await seedUser(db, { email: `${randomUUID().slice(0, 8)}-${LONG_EMAIL}` });
      await db.passkey.create({ data: { userId: user.id, credentialId: randomUUID(), publicKey: Buffer.from([1]), name: 'Laptop' } });
      await db.totpSecret.create({ data: { userId: user.id, sealedSecret: 'unused by this page', confirmedAt: new Date() } });
      await db.recoveryCode.create({ data: { userId: user.id, codeHash: randomUUID() } });
      await page.context().addCookies([sessionCookie(await seedSession(db, user.id))]);
      await page.goto('/signin/second-factor');
      await expect(page.getByRole('heading', { name: m('auth.secondFactor.title') })).toBeVisible();
      await page.getByText(m('auth.secondFactor.useRecoveryCode')).click();
      await expect(page.getByLabel(m('auth.secondFactor.recoveryCodeLabel'))).toBeVisible();
      await sweep(page, shot('second-factor'));
    });

    test('files: empty, full, and the row dialogs', async ({ userPage: page, user, db }) => {
      await page.goto('/files');
      await expect(page.getByText(m('files.page.emptyTitle'))).toBeVisible();
      await sweep(page, shot('files-empty'));

      await seedLibrary(db, user);
      await page.reload();
      await sweep(page, shot('files-full'));

      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: m('files.actions.shareNamed', { name: LONG_NAME }) }).click();
      const dialog = page.getByRole('dialog');
      await sweep(page, shot('share-dialog'));
      await dialog.getByLabel(m('shares.dialog.recipients')).fill(`${LONG_EMAIL}\n${uniqueEmail('second')}`);
      await dialog.getByRole('button', { name: m('shares.dialog.create') }).click();
      await expect(dialog.getByTestId('share-link')).toBeVisible();
      await sweep(page, shot('share-created'));
      await dialog.getByRole('button', { name: m('common.actions.done') }).click();

      await page.setViewportSize({ width: 1280, height: 800 });
      const menuButton = page.getByRole('button', { name: m('files.actions.menu', { name: UNBROKEN_NAME }) });
      await sweep(page, shot('row-menu'), async () => {
        await page.keyboard.press('Escape');
        await menuButton.click();
      });
      await page.keyboard.press('Escape');
      await menuButton.click();
      await page
        .getByRole('menu')
        .getByRole('menuitem', { name: m('files.actions.directLink') })
        .click();
      await sweep(page, shot('direct-link-dialog'));
    });

    test('shares, share detail, requests and security', async ({ userPage: page, userRequest, user, db }) => {
      const files = await seedLibrary(db, user);
      const share = await shareLink(
        userRequest,
        files.slice(0, 3).map((f) => f.id),
        `${LONG_EMAIL}\n${uniqueEmail('other')}`,
      );
      await page.goto('/shares');
      await sweep(page, shot('shares'));
      await page.goto(`/shares/${share.id}`);
      await sweep(page, shot('share-detail'));

      const request = await callAction(userRequest, REQUESTS_ACTIONS, 'createRequest', {
        title: `Send us the signed contracts for ${'the financial year '.repeat(4)}`,
        expiry: '7d',
        message: 'x'.repeat(300),
      });
      expect(request.ok, JSON.stringify(request)).toBe(true);
      await page.goto('/requests');
      await sweep(page, shot('requests'));
      await page.getByRole('button', { name: m('requests.dialog.open') }).click();
      await sweep(page, shot('request-dialog'));

      await page.goto('/settings/security');
      await sweep(page, shot('security'));
      await page.goto('/shares/no-such-share');
      await sweep(page, shot('app-not-found'));
    });

    test('recipient and sender pages, and the refusals', async ({ userPage: page, userRequest, user, db }) => {
      const files = await seedLibrary(db, user);
      const one = await shareLink(userRequest, [files[0]!.id]);
      const many = await shareLink(
        userRequest,
        files.map((f) => f.id),
      );
      const revoked = await shareLink(userRequest, [files[1]!.id]);
      expect((await callAction(userRequest, SHARES_ACTIONS, 'revokeShare', { shareId: revoked.id })).ok).toBe(true);
      const expired = await shareLink(userRequest, [files[2]!.id]);
      await db.share.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
      const request = await callAction(userRequest, REQUESTS_ACTIONS, 'createRequest', { title: `Upload your ${'very important '.repeat(5)}documents`, expiry: '7d' });

      await page.goto('/files');
      const visitor = await stranger(page, BROWSER_LOCALE[locale]);
      for (const [name, url] of [
        ['recipient-one-file', one.url],
        ['recipient-many-files', many.url],
        ['recipient-revoked', revoked.url],
        ['recipient-expired', expired.url],
        ['recipient-not-found', `${new URL(one.url).origin}/s/no-such-token`],
        ['sender', (request.data as { url: string }).url],
      ] as const) {
        await visitor.goto(url);
        await sweep(visitor, shot(name));
      }
      await visitor.context().close();
    });
  });
}
