// Passkeys through Chromium's virtual authenticator, on the production build.
import { test, expect, sessionCookie } from './fixtures';
import { emailsTo } from './fixtures/mail';
import { addVirtualAuthenticator } from './fixtures/second-factor';
import { seedSession } from '../prisma/seed';

test('a passkey added on the Security page signs in alone, is the second step after an email link, and once removed signs in no more', async ({ userPage: page, user, db }) => {
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto('/files');
  await page.getByRole('link', { name: 'Security' }).click();
  await page.getByLabel('Name for the new passkey').fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  const row = page.getByRole('listitem', { name: 'Passkey Work laptop' });
  await expect(row).toContainText('not used yet');
  expect(await authenticator.credentials()).toHaveLength(1);
  expect(await db.passkey.findMany({ where: { userId: user.id }, select: { name: true } })).toEqual([{ name: 'Work laptop' }]);

  // Signed out, the passkey alone signs back in: no email, no code.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.email);
  expect(await emailsTo(user.email)).toEqual([]);
  // A session like Auth.js's own: its cookie, its attributes, its 30 days; the second factor given.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86400);
  const session = await db.session.findUniqueOrThrow({ where: { sessionToken: cookie.value } });
  expect(session.secondFactorAt).not.toBeNull();

  // A session from an email link (as Auth.js makes it) now owes the passkey before anything opens.
  const halfway = await seedSession(db, user.id);
  await page.context().clearCookies();
  await page.context().addCookies([sessionCookie(halfway)]);
  await page.goto('/shares');
  await expect(page).toHaveURL(/\/signin\/second-factor\?callbackUrl=%2Fshares$/);
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/shares$/);
  // Given the second factor, the session was renewed: the token from before is worth nothing.
  expect(await db.session.findUnique({ where: { sessionToken: halfway } })).toBeNull();

  await page.goto('/settings/security');
  await expect(row).not.toContainText('not used yet');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(row).toHaveCount(0);
  expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);

  // The browser still holds the passkey, but this site no longer knows it.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByText('That passkey is not registered here.')).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
