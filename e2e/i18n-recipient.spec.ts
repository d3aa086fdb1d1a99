// Issue 8, languages: people who open a share or an upload-request link read it in their
// browser's language (Accept-Language, which a Playwright context's `locale` sets), with dates
// and sizes written their way; the owner's summary of arrivals comes in the owner's language.
import type { Browser } from '@playwright/test';
import { test, expect, sessionCookie, type TestUser } from './fixtures';
import { appOrigin } from './fixtures/download';
import { waitForEmail } from './fixtures/mail';
import { seedFile, seedShare, seedUploadRequest, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

/** A Friday in March, far enough ahead: "Freitag, 14. März 2031 um 09:30" in German. */
const EXPIRES = new Date(Date.UTC(2031, 2, 14, 9, 30));

async function browserIn(browser: Browser, locale: string, user?: TestUser) {
  const context = await browser.newContext({ baseURL: appOrigin(), locale });
  if (user) await context.addCookies([sessionCookie(user.sessionToken)]);
  return context.newPage();
}

async function shareOf(db: Db, owner: TestUser, data: { maxDownloads?: number; availableFrom?: Date; passwordHash?: string } = {}) {
  const file = await seedFile(db, owner.id, { name: 'Angebot.pdf', size: 1234 });
  const token = createToken();
  const share = await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token), expiresAt: EXPIRES });
  await db.share.update({ where: { id: share.id }, data });
  return { link: `/s/${token}`, shareId: share.id };
}

test('a recipient whose browser asks for German reads the share page, its refusals and the download’s refusal page in German', async ({ browser, db, user }) => {
  const page = await browserIn(browser, 'de-DE');
  const { link, shareId } = await shareOf(db, user, { maxDownloads: 3 });

  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${user.name} (${user.email}) hat Dateien für Sie freigegeben`);
  await expect(page.getByRole('list', { name: 'Freigegebene Dateien' })).toContainText('1,2 kB');
  await expect(page.getByText('Mit diesem Link sind noch 3 Downloads möglich.')).toBeVisible();
  await expect(page.getByText(/^Verfügbar bis .+ \(Freitag, 14\. März 2031 um 09:30 UTC\)\.$/)).toBeVisible();

  // The owner turns the link off while the page is open: Download answers with the route's own page.
  await db.share.update({ where: { id: shareId }, data: { revokedAt: new Date() } });
  await page.getByRole('button', { name: 'Angebot.pdf herunterladen' }).click();
  await expect(page.getByRole('heading', { name: 'Dieser Download ist nicht verfügbar' })).toBeVisible();
  await expect(page.getByText('Die Person, die diesen Link geteilt hat, hat ihn deaktiviert.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // That page follows the reader's colour scheme.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(250, 250, 250)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(9, 9, 11)');
  await page.emulateMedia({ colorScheme: 'light' });

  // The revoked link itself.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Dieser Link ist nicht verfügbar' })).toBeVisible();
  await expect(page.getByText(/Bitten Sie den Absender um einen neuen Link\./)).toBeVisible();

  // The password step and a share that opens later.
  const locked = await shareOf(db, user, { passwordHash: 'scrypt$never-unlocked' });
  await page.goto(locked.link);
  await expect(page.getByText('Diese Dateien sind durch ein Passwort geschützt. Fragen Sie den Absender danach.')).toBeVisible();
  const later = await shareOf(db, user, { availableFrom: new Date(Date.now() + 86400_000) });
  await page.goto(later.link);
  await expect(page.getByText(/^Diese Dateien sind ab .+ verfügbar\. Schauen Sie dann wieder vorbei\.$/)).toBeVisible();
  await page.context().close();
});

test('a sender whose browser asks for Spanish reads the upload page in Spanish; the owner’s summary is in the owner’s language', async ({ browser, db, user }) => {
  await db.user.update({ where: { id: user.id }, data: { locale: 'fr' } });
  const token = createToken();
  const request = await seedUploadRequest(db, user.id, null, { tokenHash: hashToken(token), title: 'Facturas' });
  await db.uploadRequest.update({ where: { id: request.id }, data: { maxFiles: 3, maxFileSize: 5_500_000, allowedTypes: '.pdf,.txt', expiresAt: EXPIRES } });

  const page = await browserIn(browser, 'es-ES');
  await page.goto(`/r/${token}`);
  await expect(page.getByText(`${user.name} te pide archivos`)).toBeVisible();
  const limits = page.getByRole('list', { name: 'Qué acepta esta solicitud' });
  await expect(limits).toContainText('Hasta 5,5 MB por archivo');
  await expect(limits).toContainText('Quedan 3 de 3 archivos por enviar');
  await expect(page.getByText(/^Abierta hasta el .+ \(viernes, 14 de marzo de 2031, 9:30 UTC\)\.$/)).toBeVisible();

  await page.getByLabel(/Tu nombre o correo/).fill('Sam');
  await page.getByTestId('file-input').setInputFiles({ name: 'factura.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2000, 1) });
  await expect(page.getByTestId('request-done')).toContainText(`Tu archivo ha llegado. Se ha avisado a ${user.name}.`, { timeout: 30_000 });
  await expect(limits).toContainText('Quedan 2 de 3 archivos por enviar');

  // The owner chose French: the summary says so whatever language the sender used.
  const mail = await waitForEmail(user.email);
  expect(mail.subject).toBe('« factura.pdf » est arrivé pour « Facturas »');
  expect(mail.text).toMatch(/factura\.pdf \(2,0\sko\), de Sam/);
  expect(mail.html).toContain('lang="fr"');
  await page.context().close();
});

test('the owner’s requests page and its dialog follow the owner’s language', async ({ browser, db, user }) => {
  await seedUploadRequest(db, user.id, null, { title: 'Contrats' });
  const page = await browserIn(browser, 'fr-FR', user);
  await page.goto('/requests');
  await expect(page.getByRole('heading', { name: 'Demandes de fichiers' })).toBeVisible();
  const card = page.getByTestId('request-card').filter({ hasText: 'Contrats' });
  await expect(card.getByTestId('request-status')).toHaveText('Ouverte');
  await expect(card.getByTestId('request-received')).toHaveText('0 fichier reçu');
  await expect(card).toContainText('dans Mes fichiers');
  await page.getByRole('button', { name: 'Nouvelle demande' }).click();
  const dialog = page.getByRole('dialog', { name: 'Demander des fichiers' });
  await expect(dialog.getByLabel('Que demandez-vous ?')).toBeVisible();
  await expect(dialog.getByLabel('Ouverte pendant')).toContainText('7 jours');
  await page.context().close();
});
