// REQUIRE_SECOND_FACTOR=true on a second instance (same build and database).
import { test, expect, sessionCookie } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';
import { instancePort, startInstance } from './fixtures/instance';
import { addVirtualAuthenticator, totpCode } from './fixtures/second-factor';

test('with a second factor required, a user without one is kept on the Security page until they add one, and cannot remove the last one', async ({
  browser,
  playwright,
  user,
  db,
}, testInfo) => {
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { REQUIRE_SECOND_FACTOR: 'true', BACKGROUND_JOBS: 'false' });
  const context = await browser.newContext({ baseURL: instance.url });
  const api = await playwright.request.newContext({
    baseURL: instance.url,
    extraHTTPHeaders: { Cookie: `authjs.session-token=${user.sessionToken}`, Origin: instance.url },
  });
  try {
    await context.addCookies([sessionCookie(user.sessionToken)]);
    const page = await context.newPage();
    for (const path of ['/files', '/shares', '/requests']) {
      await page.goto(path);
      await expect(page).toHaveURL(`${instance.url}/settings/security`);
    }
    await expect(page.getByText('This Handoff asks everyone for a second step when they sign in.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    expect(await callAction(api, FILES_ACTIONS, 'createFolder', { name: 'Too early', parentId: null })).toEqual({
      ok: false,
      error: 'Set up a second factor (a passkey or an authenticator app) on the Security page first.',
    });
    expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(0);

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByTestId('totp-status')).toBeVisible();

    // Set up in this session, it counts as given here: everything opens.
    await page.getByRole('link', { name: 'Files' }).click();
    await expect(page).toHaveURL(`${instance.url}/files`);
    expect((await callAction(api, FILES_ACTIONS, 'createFolder', { name: 'Now allowed', parentId: null })).ok).toBe(true);

    // The only second factor cannot be turned off while one is required.
    await page.goto('/settings/security');
    await page.getByText('Turn it off').click();
    await page.getByLabel('A current code from the app').fill(await totpCode(secret, 30));
    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect(page.getByText('This is your last second factor, and this Handoff requires one.')).toBeVisible();
    expect(await db.totpSecret.count({ where: { userId: user.id, confirmedAt: { not: null } } })).toBe(1);

    // With a passkey added, the app is no longer the last: it goes, with the passkey as proof.
    await addVirtualAuthenticator(page);
    await page.getByLabel('Name for the new passkey').fill('Phone');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByRole('listitem', { name: 'Passkey Phone' })).toBeVisible();
    await page.reload();
    await page.getByText('Turn it off').click();
    await page.getByRole('button', { name: 'Turn off with a passkey instead' }).click();
    await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
    expect(await db.totpSecret.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await api.dispose();
    await context.close();
    await instance.stop();
  }
});
