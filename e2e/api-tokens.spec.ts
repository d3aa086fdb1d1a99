// Issue 10: personal access tokens made, used and revoked from Settings → API tokens, and "sign
// out everywhere" on Security, which ends every session and every token at once.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type TestUser } from './fixtures';
import { accessibilityProblems, layoutProblems, SCREENSHOT_DIR } from './fixtures/layout';
import { say } from './fixtures/say';
import { seedSession, type Db } from '../prisma/seed';

const m = (key: string, values?: Record<string, string | number>) => say('en', key, values);
const baseURL = () => `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A live token straight in the database (only its hash is stored, as the app stores it). */
async function seedToken(db: Db, user: TestUser, data: { name?: string; expiresAt?: Date; revokedAt?: Date; lastUsedAt?: Date } = {}) {
  const token = `hnd_${randomBytes(32).toString('base64url')}`;
  const { name = 'seeded', expiresAt = new Date(Date.now() + 30 * 86400_000), ...rest } = data;
  await db.apiToken.create({ data: { userId: user.id, name, tokenHash: createHash('sha256').update(token).digest('hex'), scopes: 'files:read', expiresAt, ...rest } });
  return token;
}

const tokenRow = (page: Page, name: string) => page.getByRole('listitem', { name: m('settings.tokens.rowLabel', { name }) });

async function makeToken(page: Page, name: string, scopes: string[]) {
  await page.getByLabel(m('settings.tokens.name')).fill(name);
  for (const scope of scopes) await page.getByRole('checkbox', { name: scope }).check();
  await page.getByRole('button', { name: m('settings.tokens.create') }).click();
  const field = page.getByTestId('new-token-value');
  await expect(field).toBeFocused();
  return field.inputValue();
}

test('a token made in Settings works on the API, is shown once, and stops at once when revoked there', async ({ userPage: page, user, request, db }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/settings/tokens');
  await expect(page.getByTestId('tokens-empty')).toHaveText(m('settings.tokens.empty'));
  await expect(page.getByRole('link', { name: 'API documentation' })).toHaveAttribute('href', '/docs/api');

  const token = await makeToken(page, 'nightly report', ['files:read']);
  expect(token).toMatch(/^hnd_[A-Za-z0-9_-]{43}$/);
  // The shown token is announced (focus is on it, its label and warning say it is shown once).
  const field = page.getByTestId('new-token-value');
  await expect(field).toHaveAccessibleName(m('settings.tokens.tokenLabel'));
  await expect(field).toHaveAccessibleDescription(/it will not be shown again/);
  await expect(page.getByTestId('new-token-curl')).toHaveText(`curl -H "Authorization: Bearer ${token}" ${baseURL()}/api/v1/me`);
  await page
    .getByTestId('new-token')
    .getByRole('button', { name: m('common.actions.copy') })
    .first()
    .click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(token);

  const me = await request.get('/api/v1/me', { headers: bearer(copied) });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { id: user.id, email: user.email }, token: { name: 'nightly report', scopes: ['files:read'] } });
  // 90 days by default.
  const { token: details } = (await me.json()) as { token: { expiresAt: string } };
  expect(Math.round((Date.parse(details.expiresAt) - Date.now()) / 86400_000)).toBe(90);

  // Shown once: after a reload the page lists the token but never shows its value again.
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const row = tokenRow(page, 'nightly report');
  await expect(row.getByTestId('token-status')).toHaveText(m('settings.tokens.status.active'));
  await expect(row.getByTestId('token-last-used')).not.toHaveText(m('settings.tokens.neverUsed'));
  await expect(row.getByRole('list', { name: m('settings.tokens.scopesLabel') })).toHaveText('files:read');

  // Revoking asks first; dismissing it keeps the token working.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await row.getByRole('button', { name: m('settings.tokens.revoke') }).click();
  expect((await request.get('/api/v1/me', { headers: bearer(token) })).status()).toBe(200);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(m('settings.tokens.confirmRevoke', { name: 'nightly report' }));
    void dialog.accept();
  });
  await row.getByRole('button', { name: m('settings.tokens.revoke') }).click();
  await expect(row.getByTestId('token-status')).toHaveText(m('settings.tokens.status.revoked'));
  await expect(row.getByRole('button', { name: m('settings.tokens.revoke') })).toHaveCount(0);
  const refused = await request.get('/api/v1/me', { headers: bearer(token) });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).type).toBe('/docs/api#problem-not-signed-in');
  expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(1);
});

test('the form says what is wrong and makes nothing: no scope, an expiry past a year, no name', async ({ userPage: page, user, db }) => {
  await page.goto('/settings/tokens');
  await page.getByLabel(m('settings.tokens.name')).fill('ci');
  await page.getByRole('button', { name: m('settings.tokens.create') }).click();
  await expect(page.getByText(m('settings.tokens.errors.scopesRequired'))).toBeVisible();

  await page.getByRole('checkbox', { name: 'shares:write' }).check();
  await page.getByLabel(m('settings.tokens.expiry')).selectOption({ label: m('settings.tokens.onADate') });
  const past = new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10);
  await page.getByLabel(m('settings.tokens.expiryDate')).fill(past);
  await page.getByRole('button', { name: m('settings.tokens.create') }).click();
  await expect(page.getByText(m('settings.tokens.errors.expiryInvalid'))).toBeVisible();
  await expect(page.getByLabel(m('settings.tokens.expiryDate'))).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(m('settings.tokens.name')).fill('   ');
  await page.getByRole('button', { name: m('settings.tokens.create') }).click();
  await expect(page.getByText(m('settings.tokens.errors.nameRequired'))).toBeVisible();
  expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);

  // A day within the year is taken: the token expires on it.
  const inTenDays = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
  await page.getByLabel(m('settings.tokens.name')).fill('ci');
  await page.getByLabel(m('settings.tokens.expiryDate')).fill(inTenDays);
  await page.getByRole('button', { name: m('settings.tokens.create') }).click();
  await expect(page.getByTestId('new-token-value')).toBeFocused();
  const made = await db.apiToken.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true, scopes: true } });
  expect(made.scopes).toBe('shares:write');
  expect(Math.round((made.expiresAt.getTime() - Date.now()) / 86400_000)).toBe(10);
});

test('sign out everywhere ends every session of the user and every token they made, and this browser lands on sign-in', async ({
  userPage: page,
  user,
  request,
  requestAs,
  makeUser,
  db,
}) => {
  const token = await seedToken(db, user, { name: 'cron' });
  const otherDevice = await requestAs(await seedSession(db, user.id));
  const someoneElse = await makeUser();
  const theirToken = await seedToken(db, someoneElse);
  expect((await request.get('/api/v1/me', { headers: bearer(token) })).status()).toBe(200);

  await page.goto('/settings/security');
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe(m('auth.security.everywhereConfirm'));
    void dialog.accept();
  });
  await page.getByRole('button', { name: m('auth.security.everywhere') }).click();
  await page.waitForURL(/\/signin$/);
  await expect(page.getByRole('heading', { name: m('auth.signIn.heading') })).toBeVisible();

  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  const onOtherDevice = await otherDevice.get('/files');
  expect(new URL(onOtherDevice.url()).pathname).toBe('/signin');
  await page.goto('/files');
  await expect(page).toHaveURL(/\/signin/);
  const refused = await request.get('/api/v1/me', { headers: bearer(token) });
  expect(refused.status()).toBe(401);
  // Nobody else is touched.
  expect(await db.session.count({ where: { userId: someoneElse.id } })).toBe(1);
  expect((await request.get('/api/v1/me', { headers: bearer(theirToken) })).status()).toBe(200);
});

/** Layout and axe-core at a phone's 360 px and a laptop's 1280 px, light and dark, with a screenshot each. */
async function checkLayout(page: Page, name: string, ready: () => Promise<void> = async () => {}) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await ready();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const where = `${name} at ${width} px in ${scheme}`;
      expect(await layoutProblems(page), where).toEqual([]);
      expect(await accessibilityProblems(page), where).toEqual([]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the tokens page fits a phone and a desktop, light and dark: empty, listed and with a new token shown', async ({ userPage: page, user, db }) => {
  test.setTimeout(180_000);
  await page.goto('/settings/tokens');
  await checkLayout(page, 'tokens-empty');

  const long = 'quarterly-board-pack-export-from-the-finance-warehouse-every-night-at-two';
  await seedToken(db, user, { name: long, lastUsedAt: new Date() });
  await seedToken(db, user, { name: 'old laptop', revokedAt: new Date() });
  await seedToken(db, user, { name: 'last month', expiresAt: new Date(Date.now() - 86400_000) });
  await page.reload();
  await makeToken(page, 'a new one', ['files:read', 'files:write', 'shares:read', 'shares:write', 'requests:write']);
  await checkLayout(page, 'tokens-listed');

  await page.goto('/settings/security');
  await checkLayout(page, 'security-sign-out-everywhere');
});

/** Tabs forward until `target` holds the focus, as a person would. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('with the keyboard alone: make a token, copy it, and revoke it', async ({ userPage: page, request }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/settings/tokens');
  // The account links lead here.
  await tabTo(page, page.getByRole('link', { name: m('shell.nav.apiTokens') }));
  await expect(page.getByRole('link', { name: m('shell.nav.apiTokens') })).toHaveAttribute('aria-current', 'page');

  await tabTo(page, page.getByLabel(m('settings.tokens.name')));
  await page.keyboard.type('deploy job');
  await tabTo(page, page.getByRole('checkbox', { name: 'files:write' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: m('settings.tokens.create') }));
  await page.keyboard.press('Enter');
  const field = page.getByTestId('new-token-value');
  await expect(field).toBeFocused();
  const token = await field.inputValue();

  await tabTo(
    page,
    page
      .getByTestId('new-token')
      .getByRole('button', { name: m('common.actions.copy') })
      .first(),
  );
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  expect((await request.get('/api/v1/me', { headers: bearer(token) })).status()).toBe(200);

  // The revoke button sits in the list above: back to the top of the page and forward again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  page.once('dialog', (dialog) => void dialog.accept());
  await tabTo(page, tokenRow(page, 'deploy job').getByRole('button', { name: m('settings.tokens.revoke') }));
  await page.keyboard.press('Enter');
  await expect(tokenRow(page, 'deploy job').getByTestId('token-status')).toHaveText(m('settings.tokens.status.revoked'));
  expect((await request.get('/api/v1/me', { headers: bearer(token) })).status()).toBe(401);
});
