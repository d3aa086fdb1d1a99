// Sharing in another language: the share dialog preselects the owner's language for the emails,
// the owner may pick another for a share, and the shares pages speak the browser's language.
import type { Browser } from '@playwright/test';
import { test, expect, sessionCookie, type TestUser } from './fixtures';
import { seedFile, uniqueEmail } from '../prisma/seed';
import { waitForEmail } from './fixtures/mail';

async function pageIn(browser: Browser, user: TestUser, locale: string) {
  const context = await browser.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}`, locale });
  await context.addCookies([sessionCookie(user.sessionToken)]);
  return context.newPage();
}

// The files page (another part's words) names its Share button in the page's language.
const shareButton = (name: string) => new RegExp(`^(Share ${name}|.*${name}.*teilen)$`);

test('an English owner shares with Spanish emails: the invitation is in Spanish, dates included', async ({ userPage: page, user, db }) => {
  await seedFile(db, user.id, { name: 'presupuesto.xlsx', size: 1_500_000 });
  const ana = uniqueEmail('ana');
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share presupuesto.xlsx' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “presupuesto.xlsx”' });
  await expect(dialog.getByLabel('Email language')).toHaveValue('en');
  await dialog.getByLabel('Email language').selectOption({ label: 'Español' });
  await dialog.getByLabel(/Email a link to/).fill(ana);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('share-link')).toBeVisible();

  const mail = await waitForEmail(ana);
  expect(mail.subject).toBe(`${user.name} ha compartido presupuesto.xlsx contigo`);
  expect(mail.text).toContain('presupuesto.xlsx (1,5 MB)');
  expect(mail.text).toMatch(/El enlace caduca el \p{L}+, \d+ de \p{L}+ de \d{4}, \d{1,2}:\d\d UTC/u);
  expect(mail.html).toMatch(/<a class="button"[^>]*>Descargar<\/a>/);

  // The share's page shows the language, in the owner's own (English) words.
  await page.goto('/shares');
  await page.getByRole('link', { name: 'presupuesto.xlsx' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Email language')).toHaveValue('es');
});

test('the dialog preselects the owner’s language: the page’s (a German browser), else the one they saved', async ({ browser, user, db }) => {
  await seedFile(db, user.id, { name: 'bericht.pdf' });
  const german = await pageIn(browser, user, 'de-DE');
  await german.goto('/files');
  await german.getByRole('button', { name: shareButton('bericht\\.pdf') }).click();
  const dialog = german.getByRole('dialog', { name: '„bericht.pdf“ teilen' });
  await expect(dialog.getByLabel('Sprache der E-Mails')).toHaveValue('de');
  await expect(dialog.getByLabel('Sprache der E-Mails').locator('option:checked')).toHaveText('Deutsch');
  await expect(dialog.getByRole('button', { name: 'Link erstellen' })).toBeVisible();

  // Saved as French: an English page still preselects French.
  await db.user.update({ where: { id: user.id }, data: { locale: 'fr' } });
  const english = await pageIn(browser, user, 'en-US');
  await english.goto('/files');
  await english.getByRole('button', { name: 'Share bericht.pdf' }).click();
  await expect(english.getByRole('dialog').getByLabel('Email language')).toHaveValue('fr');
});

test('the shares list and a share’s page in German', async ({ browser, user, db }) => {
  const file = await seedFile(db, user.id, { name: 'angebot.pdf' });
  const share = await db.share.create({
    data: {
      ownerId: user.id,
      tokenHash: `hash-${file.id}`,
      expiresAt: new Date(Date.UTC(2030, 0, 15, 12)),
      maxDownloads: 5,
      items: { create: [{ fileId: file.id }] },
      recipients: { create: [{ email: uniqueEmail('eva') }] },
    },
  });
  const page = await pageIn(browser, user, 'de-DE');
  await page.goto('/shares');
  await expect(page.getByRole('heading', { name: 'Freigaben', level: 1 })).toBeVisible();
  const card = page.getByTestId('share-card').filter({ hasText: 'angebot.pdf' });
  await expect(card.getByTestId('share-status')).toHaveText('Aktiv');
  await expect(card).toContainText(/Läuft am .*15.*2030.* ab · 0 Downloads/);
  await expect(card.getByRole('button', { name: 'Widerrufen' })).toBeVisible();

  await page.goto(`/shares/${share.id}`);
  await expect(page.getByRole('link', { name: '← Alle Freigaben' })).toBeVisible();
  await expect(page.getByText(/Erstellt am .* · 0 Downloads von 5 erlaubten/)).toBeVisible();
  for (const heading of ['Einstellungen', 'Empfänger', 'Verlauf']) await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(page.getByText('Bisher hat niemand den Link geöffnet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Änderungen speichern' })).toBeVisible();
  await expect(page.getByLabel('Sprache der E-Mails')).toHaveValue('en');

  // An error from the server is in German too.
  await page.getByLabel('Personen hinzufügen').fill('kein@adresse');
  await page.getByRole('button', { name: 'Hinzufügen und E-Mail senden' }).click();
  await expect(page.getByText('„kein@adresse“ hat eine ungültige Domain')).toBeVisible();
});
