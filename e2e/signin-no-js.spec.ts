// Every form a person without a session meets works as a real POST before (or without) any
// JavaScript: sign-in, the second factor, and the password steps of share and request links.
// Nothing typed ends up in a URL, and what went wrong still reaches the page.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, sessionCookie } from './fixtures';
import { callAction, REQUESTS_ACTIONS, SHARES_ACTIONS } from './fixtures/actions';
import { appOrigin } from './fixtures/download';
import { emailsTo, firstLink, waitForEmail } from './fixtures/mail';
import { totpCode, wrongTotpCode } from './fixtures/second-factor';
import { seedFile, seedSession, uniqueEmail } from '../prisma/seed';

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A browser with JavaScript off, which records every URL it asks for. */
async function noScriptPage(browser: Browser): Promise<{ page: Page; requested: { method: string; url: string }[] }> {
  const context = await browser.newContext({ baseURL: appOrigin(), javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  const requested: { method: string; url: string }[] = [];
  page.on('request', (request) => requested.push({ method: request.method(), url: request.url() }));
  return { page, requested };
}

test('without JavaScript, the sign-in form posts, lands on the check-email page, and the address is in no URL', async ({ browser }) => {
  const { page, requested } = await noScriptPage(browser);
  const email = uniqueEmail('nojs');
  await page.goto('/signin?callbackUrl=%2Fshares');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/signin/check-email');
  expect(requested.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/signin')).toBe(true);
  for (const { url } of requested) {
    expect(decodeURIComponent(url)).not.toContain(email);
    expect(url).not.toMatch(/token=|verify-request/);
  }
  // The email came, and its link goes where the person was headed.
  const link = firstLink((await waitForEmail(email)).text, /http:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/shares$/);
});

test('without JavaScript, a refused address is told why on the sign-in page, and nothing is sent', async ({ browser }) => {
  const { page, requested } = await noScriptPage(browser);
  await page.goto('/signin');
  await page.getByLabel('Email address').fill('stranger@elsewhere.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('This email address is not allowed to sign in here.')).toBeVisible();
  // What was typed is still there to correct.
  await expect(page.getByLabel('Email address')).toHaveValue('stranger@elsewhere.example');
  expect(requested.map((r) => r.url).join('\n')).not.toContain('stranger');
  expect(await emailsTo('stranger@elsewhere.example')).toEqual([]);
});

test('without JavaScript, the passkey button says it needs JavaScript instead of doing nothing', async ({ browser }) => {
  const { page } = await noScriptPage(browser);
  await page.goto('/signin');
  await expect(page.getByText('Signing in with a passkey needs JavaScript')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeDisabled();
});

test('without JavaScript, the second step takes an app code and a recovery code, says when one is wrong, and can be given up', async ({ userPage: owner, user, db, browser }) => {
  // The owner turns on an authenticator app and makes recovery codes (with JavaScript).
  await owner.goto('/settings/security');
  await owner.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await owner.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await owner.getByLabel('Code from the app').fill(await totpCode(secret));
  await owner.getByRole('button', { name: 'Turn on' }).click();
  await expect(owner.getByTestId('totp-status')).toHaveText('An authenticator app is on.');
  await owner.getByRole('button', { name: 'Make recovery codes' }).click();
  const shown = owner.getByTestId('recovery-codes').getByRole('listitem');
  await expect(shown).toHaveCount(10);
  const recoveryCodes = await shown.allTextContents();

  // A new email-link session, in a browser without JavaScript.
  const { page, requested } = await noScriptPage(browser);
  await page.context().addCookies([sessionCookie(await seedSession(db, user.id))]);
  await page.goto('/signin/second-factor?callbackUrl=%2Fshares');
  await page.getByLabel('Code from your authenticator app').fill(await wrongTotpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That code is not right.')).toBeVisible();
  await page.getByLabel('Code from your authenticator app').fill(await totpCode(secret, 30));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/shares$/);
  expect(
    requested
      .filter((r) => r.method === 'GET')
      .map((r) => r.url)
      .join('\n'),
  ).not.toMatch(/code=/);

  // Another email-link session: a recovery code (a <details> opens without script).
  await page.context().clearCookies();
  await page.context().addCookies([sessionCookie(await seedSession(db, user.id))]);
  await page.goto('/signin/second-factor');
  await page.getByText('Use a recovery code').click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await expect(page).toHaveURL(/\/files$/);

  // And one more, given up halfway: "Cancel and sign out" ends it.
  const halfway = await seedSession(db, user.id);
  await page.context().clearCookies();
  await page.context().addCookies([sessionCookie(halfway)]);
  await page.goto('/signin/second-factor');
  await page.getByRole('button', { name: 'Cancel and sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await db.session.findUnique({ where: { sessionToken: halfway } })).toBeNull();
});

test('without JavaScript, the password steps of a share link and of an upload request unlock them, and a wrong password is named', async ({ user, userRequest, db, browser }) => {
  const file = await seedFile(db, user.id, { name: 'minutes.pdf' });
  const share = await callAction(userRequest, SHARES_ACTIONS, 'createShare', { fileIds: [file.id], expiry: '7d', password: 'open-sesame' });
  const request = await callAction(userRequest, REQUESTS_ACTIONS, 'createRequest', { title: 'Tax papers', expiry: '7d', password: 'letmein-42', message: '' }, '/requests');
  expect([share.ok, request.ok]).toEqual([true, true]);
  const steps = [
    { url: (share.data as { url: string }).url, password: 'open-sesame', unlocked: 'shared-file-name' },
    { url: (request.data as { url: string }).url, password: 'letmein-42', unlocked: 'request-limits' },
  ];
  const { page } = await noScriptPage(browser);
  for (const { url, password, unlocked } of steps) {
    await page.goto(url);
    await page.getByLabel('Password').fill('wrong-guess');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That password is not right.')).toBeVisible();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId(unlocked).first()).toBeVisible();
    expect(page.url()).toBe(url);
  }
});
