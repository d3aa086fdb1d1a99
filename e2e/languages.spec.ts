// The shell and sign-in in another language: the browser's Accept-Language, the footer's choice
// (with and without JavaScript), and the sign-in email in the language of whoever asked for it,
// or of their account.
import type { Browser } from '@playwright/test';
import { test, expect, sessionCookie } from './fixtures';
import { appOrigin } from './fixtures/download';
import { waitForEmail } from './fixtures/mail';
import { randomUUID } from 'node:crypto';
import { seedFile, seedUser, uniqueEmail } from '../prisma/seed';

const newContext = (browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) => browser.newContext({ baseURL: appOrigin(), ...options });

test('a French browser gets sign-in, check your email, errors, the 404 page and the sign-in email in French', async ({ browser }) => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Se connecter à Handoff' })).toBeVisible();
  await expect(page).toHaveTitle('Connexion · Handoff');

  await page.getByLabel('Adresse e-mail').fill('nobody.example.com');
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByText('Cette adresse e-mail n’a pas de « @ ».')).toBeVisible();

  const email = uniqueEmail('fr');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('heading', { name: 'Consultez vos e-mails' })).toBeVisible();
  const mail = await waitForEmail(email);
  expect(mail.subject).toMatch(/^Connexion à Handoff \(/);
  expect(mail.text).toContain('Le lien ne sert qu’une fois et expire au bout de 24 heures.');
  expect(mail.html).toContain('<html lang="fr">');
  expect(mail.html).toContain('>Se connecter</a>');
  expect(mail.html).toContain('Envoyé par Handoff');

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aller à la connexion' })).toBeVisible();
  await context.close();
});

test('the sign-in email follows the language saved on the account over the browser’s', async ({ browser, db }) => {
  const user = await seedUser(db, { email: uniqueEmail('es-account') });
  await db.user.update({ where: { id: user.id }, data: { locale: 'es' } });
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('heading', { name: 'Consultez vos e-mails' })).toBeVisible();
  const mail = await waitForEmail(user.email);
  expect(mail.subject).toMatch(/^Inicia sesión en Handoff \(/);
  expect(mail.html).toContain('<html lang="es">');
  await context.close();
});

test('the footer switches a signed-in user to Spanish at once; it stays after a reload and is saved on the account', async ({ browser, user, db }) => {
  const context = await newContext(browser);
  await context.addCookies([sessionCookie(user.sessionToken)]);
  const page = await context.newPage();
  await page.goto('/files');
  await expect(page.getByRole('link', { name: 'Files', exact: true })).toBeVisible();
  await page.getByLabel('Language').selectOption('Español');
  await expect(page.getByRole('link', { name: 'Archivos', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Aplicar' })).toHaveCount(0);
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('es');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Archivos', exact: true })).toBeVisible();
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
  await context.close();
});

test('dates are written the German way, the same in the first HTML as after the page has loaded', async ({ browser, user, db }) => {
  await seedFile(db, user.id, { name: 'heute.txt' });
  await db.passkey.create({ data: { userId: user.id, credentialId: randomUUID(), publicKey: Buffer.from([1]), name: 'Laptop', createdAt: new Date('2025-03-04T10:00:00Z') } });
  // The passkey is this session's second step too, given already.
  await db.session.update({ where: { sessionToken: user.sessionToken }, data: { secondFactorAt: new Date() } });
  const context = await newContext(browser, { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await context.addCookies([sessionCookie(user.sessionToken)]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/files');
  await expect(page.getByText(/^Heute, \d{1,2}:\d{2}$/)).toBeVisible();
  await page.goto('/settings/security');
  await expect(page.getByText('Hinzugefügt am 04.03.2025 · noch nicht verwendet')).toBeVisible();
  expect(problems, 'no hydration mismatch or other error').toEqual([]);
  await context.close();
});

test('without JavaScript, the footer’s Apply button switches language and theme and comes back to the same page', async ({ browser }) => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/signin?callbackUrl=%2Fshares');
  await page.getByLabel('Language').selectOption('Español');
  await page.getByLabel('Theme').selectOption('Dark');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { name: 'Inicia sesión en Handoff' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/signin?callbackUrl=%2Fshares');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inicia sesión en Handoff' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await context.close();
});

test('the preferences route goes back only to a page of this site, and refuses other origins', async ({ request }) => {
  const post = (back: string, origin = appOrigin()) => request.post('/preferences', { form: { locale: 'de', back }, headers: { Origin: origin }, maxRedirects: 0 });
  expect((await post('/shares?x=1')).headers().location).toBe('/shares?x=1');
  for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'evil']) {
    expect((await post(back)).headers().location, back).toBe('/');
  }
  expect((await post('/files', 'https://evil.example')).status()).toBe(403);
  const bad = await request.post('/preferences', { form: { locale: 'xx', back: '/files' }, headers: { Origin: appOrigin() }, maxRedirects: 0 });
  expect(bad.status()).toBe(400);
});
