import { randomBytes } from 'node:crypto';
import { test, expect, sessionCookie } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';
import { appOrigin } from './fixtures/download';

// The files page in the language the browser asks for (Accept-Language: de-DE): headings,
// kinds, sizes written the German way, and refusals from the browser and from the server.

test('the files page speaks German to a German browser', async ({ browser, playwright, user }) => {
  const context = await browser.newContext({ baseURL: appOrigin(), locale: 'de-DE' });
  await context.addCookies([sessionCookie(user.sessionToken)]);
  const page = await context.newPage();
  await page.goto('/files');
  await expect(page.getByRole('heading', { name: 'Hier sind noch keine Dateien' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Dateien nach Namen durchsuchen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Neuer Ordner' })).toBeVisible();

  await page.getByTestId('file-input').setInputFiles({ name: 'Budget.csv', mimeType: 'text/csv', buffer: randomBytes(1_500_000) });
  await expect(page.getByTestId('upload-row').filter({ hasText: 'Budget.csv' })).toContainText('Hochgeladen · 1,5 MB');
  const row = page.getByTestId('file-row').filter({ hasText: 'Budget.csv' });
  await expect(row).toContainText('1,5 MB');
  await expect(row.getByTestId('file-kind')).toHaveText('Tabelle');
  await expect(page.getByTestId('storage-usage')).toHaveText('1,5 MB von 50 GB belegt');
  for (const column of ['Name', 'Größe', 'Typ', 'Hinzugefügt']) await expect(page.getByRole('columnheader', { name: column })).toBeVisible();

  await row.getByRole('button', { name: 'Aktionen für Budget.csv' }).click();
  await page.getByRole('menuitem', { name: 'Umbenennen' }).click();
  await expect(page.getByRole('dialog', { name: 'Datei umbenennen' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Too large: refused in the browser before anything is sent...
  await page.getByTestId('file-input').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(21_000_001) });
  await expect(page.getByTestId('upload-row').filter({ hasText: 'huge.bin' }).getByRole('alert')).toHaveText('Diese Datei ist 21 MB groß; erlaubt sind höchstens 20 MB.');
  // ...and by the server, in the language of the request.
  const german = await playwright.request.newContext({
    baseURL: appOrigin(),
    extraHTTPHeaders: { Cookie: `authjs.session-token=${user.sessionToken}`, Origin: appOrigin(), 'Accept-Language': 'de-DE,de;q=0.9' },
  });
  const refused = await callAction(german, FILES_ACTIONS, 'prepareUpload', { name: 'huge.bin', size: 21_000_001, contentType: 'application/octet-stream', folderId: null });
  expect(refused).toEqual({ ok: false, error: '„huge.bin“ ist 21 MB groß; Sie können Dateien bis höchstens 20 MB hochladen.' });
  await german.dispose();
  await context.close();
});
