import { test, expect } from './fixtures';
import { emailsTo } from './fixtures/mail';

test('an address outside the allow-list is told so and gets no email', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill('stranger@elsewhere.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('This email address is not allowed to sign in here.')).toBeVisible();
  await page.getByLabel('Email address').fill('ana@handoff.test\r\nbcc: x@evil.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText(/That email address (contains|has)/)).toBeVisible();
  expect(await emailsTo('stranger@elsewhere.example')).toEqual([]);
});

test('sign out ends the session', async ({ userPage: page, db, user }) => {
  await page.goto('/files');
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  await page.goto('/files');
  await expect(page).toHaveURL(/\/signin/);
});
