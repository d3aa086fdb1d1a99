// An authenticator app and recovery codes, end to end: set up on the Security page, asked for
// after an email link, and nothing (page or action) open to a session that has not given it.
import { test, expect, sessionCookie } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';
import { appOrigin } from './fixtures/download';
import { firstLink, waitForEmail } from './fixtures/mail';
import { totpCode, wrongTotpCode } from './fixtures/second-factor';
import { seedSession } from '../prisma/seed';

test('an authenticator app: confirmed with a code, then asked for after an email link; wrong and reused codes are refused, a recovery code works once', async ({
  userPage: page,
  user,
  db,
  browser,
  requestAs,
}) => {
  await page.goto('/settings/security');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect((await db.totpSecret.findUniqueOrThrow({ where: { userId: user.id } })).sealedSecret).not.toContain(secret);
  await page.getByLabel('Code from the app').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('totp-status')).toHaveText('An authenticator app is on.');

  await page.getByRole('button', { name: 'Make recovery codes' }).click();
  const shown = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(shown).toHaveCount(10);
  const recoveryCodes = await shown.allTextContents();
  const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
  expect(stored).toHaveLength(10);
  expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));

  // An email link in another browser: signed in halfway, stopped at the second step.
  const context = await browser.newContext({ baseURL: appOrigin() });
  const visitor = await context.newPage();
  await visitor.goto('/signin');
  await visitor.getByLabel('Email address').fill(user.email);
  await visitor.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const mail = await waitForEmail(user.email);
  await visitor.goto(firstLink(mail.text, /http:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/));
  await expect(visitor).toHaveURL(/\/signin\/second-factor\?callbackUrl=%2Ffiles$/);
  await visitor.goto('/files?folder=x');
  await expect(visitor).toHaveURL(/\/signin\/second-factor\?callbackUrl=%2Ffiles%3Ffolder%3Dx$/);

  // That half-signed-in session reaches no action either.
  const halfway = (await context.cookies()).find((c) => c.name === 'authjs.session-token')!.value;
  const api = await requestAs(halfway);
  expect(await callAction(api, FILES_ACTIONS, 'createFolder', { name: 'Sneaked in', parentId: null })).toEqual({
    ok: false,
    error: 'Finish signing in with your passkey or code first.',
  });
  expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(0);

  const codeField = visitor.getByLabel('Code from your authenticator app');
  await codeField.fill(await wrongTotpCode(secret));
  await visitor.getByRole('button', { name: 'Continue' }).click();
  await expect(visitor.getByText('That code is not right.')).toBeVisible();
  // The set-up used the current code: the app's next one signs in.
  const code = await totpCode(secret, 30);
  await codeField.fill(code);
  await visitor.getByRole('button', { name: 'Continue' }).click();
  await expect(visitor).toHaveURL(/\/files\?folder=x$/);
  expect(await db.session.findUnique({ where: { sessionToken: halfway } })).toBeNull();
  await context.close();

  // Another email-link session: the same code again is refused; a recovery code works, once.
  await page.context().clearCookies();
  await page.context().addCookies([sessionCookie(await seedSession(db, user.id))]);
  await page.goto('/signin/second-factor');
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That code was used already. Wait for the next code in your app')).toBeVisible();
  await page.getByText('Use a recovery code').click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[3]!.toUpperCase());
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await expect(page).toHaveURL(/\/files$/);

  await page.context().clearCookies();
  await page.context().addCookies([sessionCookie(await seedSession(db, user.id))]);
  await page.goto('/signin/second-factor');
  await page.getByText('Use a recovery code').click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[3]!);
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await expect(page.getByText('That recovery code is not right, or it was used already.')).toBeVisible();
  await expect(page).toHaveURL(/\/signin\/second-factor/);
});
