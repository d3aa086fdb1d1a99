// Issue 13: an admin disables a person who left. Their browser session, share link, upload-request
// link and API token all fail on the next request; enabled again, the links and the token work as
// before (the session was ended: they sign in again). The page fits a phone and a desktop.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sweep } from './fixtures/layout';
import { say } from './fixtures/say';
import { ADMIN_EMAIL, signedInAdmin } from './fixtures/admin';
import { seedApiToken, seedFile, seedShare, seedUploadRequest } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const m = (key: string, values?: Record<string, string | number>) => say('en', key, values);

const userRow = (page: Page, email: string) => page.getByRole('listitem', { name: m('admin.users.rowLabel', { email }) });

test('disabling a person stops their session, share link, request link and API token at once; enabling brings the links and token back', async ({
  signedInContext,
  makeUser,
  db,
  requestAs,
  browser,
}) => {
  const me = await signedInAdmin(db);
  const leaver = await makeUser();
  const file = await seedFile(db, leaver.id, { name: 'handover.pdf' });
  const shareToken = createToken();
  await seedShare(db, leaver.id, file.id, { tokenHash: hashToken(shareToken) });
  const requestToken = createToken();
  await seedUploadRequest(db, leaver.id, null, { tokenHash: hashToken(requestToken), title: 'Send me the contracts' });
  const apiToken = await seedApiToken(db, leaver.id);
  const leaverPage = await (await signedInContext(leaver)).newPage();
  const stranger = await (await browser.newContext()).newPage();
  const api = await requestAs(null);
  const whoami = () => api.get('/api/v1/me', { headers: { Authorization: `Bearer ${apiToken}` } });

  // Before: all of it works.
  await leaverPage.goto('/files');
  await expect(leaverPage.getByText('handover.pdf')).toBeVisible();
  expect((await whoami()).status()).toBe(200);
  await stranger.goto(`/s/${shareToken}`);
  await expect(stranger.getByText('handover.pdf')).toBeVisible();

  const page = await (await signedInContext(me)).newPage();
  // The admin's own row has no button: nobody can lock themselves out.
  await page.goto('/admin/users');
  await page.getByLabel(m('admin.users.findLabel')).fill(ADMIN_EMAIL);
  await page.getByRole('button', { name: m('admin.users.find') }).click();
  await expect(userRow(page, ADMIN_EMAIL)).toBeVisible();
  await expect(userRow(page, ADMIN_EMAIL).getByRole('button')).toHaveCount(0);
  await page.goto(`/admin/users?q=${encodeURIComponent(leaver.email)}`);
  const row = userRow(page, leaver.email);
  await expect(row.getByTestId('user-status')).toHaveText(m('admin.users.active'));
  await expect(row.getByTestId('user-files')).toHaveText('1');
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: m('admin.users.disable') }).click();
  await expect(row.getByTestId('user-status')).toHaveText(m('admin.users.disabled'));

  // After: the next request of each fails.
  await leaverPage.goto('/files');
  await expect(leaverPage).toHaveURL(/\/signin/);
  expect((await whoami()).status()).toBe(401);
  // The share link answers as a revoked one does: "not found", nothing of what was there.
  expect((await stranger.goto(`/s/${shareToken}`))?.status()).toBe(404);
  await expect(stranger.getByText('handover.pdf')).toHaveCount(0);
  await stranger.goto(`/r/${requestToken}`);
  await expect(stranger.getByText(m('requests.sender.closed', { owner: leaver.name ?? leaver.email }))).toBeVisible();
  // And they cannot sign in again: the sign-in form says why.
  await leaverPage.getByLabel(m('auth.signIn.emailLabel')).fill(leaver.email);
  await leaverPage.getByRole('button', { name: m('auth.signIn.submit') }).click();
  await expect(leaverPage.getByText(m('auth.errors.accountDisabled'))).toBeVisible();

  await row.getByRole('button', { name: m('admin.users.enable') }).click();
  await expect(row.getByTestId('user-status')).toHaveText(m('admin.users.active'));
  expect((await whoami()).status()).toBe(200);
  await stranger.goto(`/s/${shareToken}`);
  await expect(stranger.getByText('handover.pdf')).toBeVisible();
  await stranger.goto(`/r/${requestToken}`);
  await expect(stranger.getByText('Send me the contracts')).toBeVisible();
  await expect(stranger.getByText(m('requests.sender.closed', { owner: leaver.name ?? leaver.email }))).toHaveCount(0);
});

test('someone who is not an admin gets the app’s “not found” for the people page', async ({ userPage: page, user, requestAs, db }) => {
  await signedInAdmin(db);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(404);
  await expect(page.getByText(m('shell.notFound.inApp'))).toBeVisible();
  const direct = await (await requestAs(user.sessionToken)).get('/admin/users');
  expect(direct.status()).toBe(404);
  // The page's messages travel with every page; the list itself, and who is on it, do not.
  const html = await direct.text();
  expect(html).not.toContain('data-testid="user-list"');
  expect(html).not.toContain(ADMIN_EMAIL);
});

test('the people page fits a phone and a desktop, light and dark, found by email, with a disabled account', async ({ signedInContext, db, makeUser }) => {
  const me = await signedInAdmin(db);
  const other = await makeUser();
  await db.user.update({ where: { id: other.id }, data: { disabledAt: new Date(), lastSignInAt: new Date() } });
  const page = await (await signedInContext(me)).newPage();
  await page.goto(`/admin/users?q=${encodeURIComponent(other.email)}`);
  await expect(userRow(page, other.email).getByTestId('user-status')).toHaveText(m('admin.users.disabled'));
  await sweep(page, 'admin-users');
  await db.user.update({ where: { id: other.id }, data: { disabledAt: null } });
});
