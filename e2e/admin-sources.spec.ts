// Issue 11: the admin's storage sources. Only an admin (ADMIN_EMAILS, set for this suite in
// playwright.config.ts) sees the link and the page; a source's secret never reaches a browser;
// "Test connection" asks the real bucket with the source's own credentials; and a source on
// another endpoint is allowed by every page's Content-Security-Policy once it is made.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sweep } from './fixtures/layout';
import { say } from './fixtures/say';
import { ADMIN_EMAIL, signedInAdmin } from './fixtures/admin';
import { newBucket, putObject } from '../test/support/bucket';

const m = (key: string, values?: Record<string, string | number>) => say('en', key, values);
const rgwPort = () => new URL(process.env.S3_ENDPOINT!).port;
// The same radosgw under another name: another origin as far as a browser (and the CSP) is concerned.
const otherEndpoint = () => `http://localhost:${rgwPort()}`;

const sourceRow = (page: Page, name: string) => page.getByRole('listitem', { name: m('admin.sources.rowLabel', { name }) });
const field = (page: Page | Locator, key: string) => page.getByLabel(m(`admin.sources.fields.${key}`), { exact: true });

async function addSource(page: Page, values: { name: string; bucket: string; prefix: string; endpoint: string; accessKeyId: string; secretAccessKey: string }) {
  const form = page.getByRole('form', { name: m('admin.sources.newHeading') });
  for (const [key, value] of Object.entries(values)) await form.getByLabel(m(`admin.sources.fields.${key}`), { exact: true }).fill(value);
  await form.getByLabel(m('admin.sources.fields.region'), { exact: true }).fill('us-east-1');
  await form.getByLabel(m('admin.sources.fields.forcePathStyle')).check();
  // Mounted for the admin alone: a source for everyone would appear on every other test's files page.
  await form.getByLabel(m('admin.sources.fields.mountedFor'), { exact: true }).fill(ADMIN_EMAIL);
  await form.getByRole('button', { name: m('admin.sources.create') }).click();
  await expect(sourceRow(page, values.name)).toBeVisible();
}

test('an admin adds a source with its own credentials: the secret never reaches the browser, Test connection asks the bucket, a wrong secret is refused plainly', async ({
  signedInContext,
  db,
  requestAs,
}) => {
  test.setTimeout(120_000);
  const me = await signedInAdmin(db);
  const page = await (await signedInContext(me)).newPage();
  const bucket = await newBucket();
  await putObject(bucket, 'reports/2026-12-01.pdf', 'first report');
  const secret = process.env.S3_SECRET_ACCESS_KEY!;
  const name = `Acme reports ${Date.now()}`;

  await page.goto('/files');
  await page
    .getByRole('navigation', { name: m('shell.nav.main') })
    .getByRole('link', { name: m('shell.nav.admin') })
    .click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page
    .getByRole('navigation', { name: m('admin.title') })
    .getByRole('link', { name: m('admin.sources.title') })
    .click();
  await expect(page).toHaveURL(/\/admin\/sources$/);
  await addSource(page, { name, bucket, prefix: 'reports/', endpoint: otherEndpoint(), accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: secret });

  const row = sourceRow(page, name);
  await expect(row).toContainText(bucket);
  await expect(row).toContainText(otherEndpoint());
  await expect(row).toContainText(ADMIN_EMAIL);
  await expect(row).toContainText(m('admin.sources.readOnly'));
  // Stored sealed: the database holds no plain secret either.
  const stored = await db.storageSource.findFirstOrThrow({ where: { name } });
  expect(JSON.stringify(stored)).not.toContain(secret);

  // Neither the page's HTML nor its RSC payload (what a client navigation fetches) holds the secret.
  const request = await requestAs(me.sessionToken);
  const html = await (await request.get('/admin/sources')).text();
  expect(html).toContain(name);
  expect(html).not.toContain(secret);
  const rsc = await page.evaluate(async () => (await fetch('/admin/sources', { headers: { RSC: '1' } })).text());
  expect(rsc).toContain(name);
  expect(rsc).not.toContain(secret);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole('button', { name: m('admin.sources.test') }).click();
  await expect(row.getByTestId('connection-outcome')).toHaveText(m('admin.sources.reachable', { count: 1 }));

  // The edit form shows that a secret is set, never what it is; a wrong one is refused by the bucket.
  await row.getByRole('button', { name: m('admin.sources.edit') }).click();
  const dialog = page.getByRole('dialog', { name: m('admin.sources.editTitle', { name }) });
  const secretField = field(dialog, 'secretAccessKey');
  await expect(secretField).toHaveValue('');
  await expect(secretField).toHaveAttribute('placeholder', m('admin.sources.fields.secretSet'));
  await secretField.fill('not-the-secret-0000000000000000000000000');
  await dialog.getByRole('button', { name: m('admin.sources.save') }).click();
  await expect(dialog).toBeHidden();
  await row.getByRole('button', { name: m('admin.sources.test') }).click();
  await expect(row.getByTestId('connection-outcome')).toHaveText(m('sources.errors.storeRefused', { source: name, code: 'SignatureDoesNotMatch' }));

  // Deleting says what it breaks, then the source is gone.
  await row.getByRole('button', { name: m('admin.sources.delete') }).click();
  const confirm = page.getByRole('dialog', { name: m('admin.sources.deleteTitle', { name }) });
  await expect(confirm).toContainText(m('admin.sources.deleteWarning'));
  await confirm.getByRole('button', { name: m('admin.sources.delete') }).click();
  await expect(row).toBeHidden();
  expect(await db.storageSource.findFirst({ where: { name } })).toBeNull();
});

test('the form refuses what cannot work: a bad bucket name, a prefix reaching the app’s own files, an unknown person, a key without its secret', async ({
  signedInContext,
  db,
}) => {
  const me = await signedInAdmin(db);
  const page = await (await signedInContext(me)).newPage();
  await page.goto('/admin/sources');
  const form = page.getByRole('form', { name: m('admin.sources.newHeading') });
  const submit = form.getByRole('button', { name: m('admin.sources.create') });
  const name = `Refused ${Date.now()}`;
  await field(form, 'name').fill(name);

  await field(form, 'bucket').fill('Not_A_Bucket');
  await submit.click();
  await expect(form).toContainText(m('admin.errors.bucket'));

  await field(form, 'bucket').fill(process.env.S3_BUCKET!);
  await field(form, 'prefix').fill('users/{userId}/');
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText(m('admin.errors.appObjects'));

  await field(form, 'prefix').fill('clients/{email}/');
  await field(form, 'mountedFor').fill('nobody-here@handoff.test');
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText(m('admin.errors.noSuchUser', { email: 'nobody-here@handoff.test' }));

  await field(form, 'mountedFor').fill('');
  await field(form, 'accessKeyId').fill('KEYWITHOUTSECRET');
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText(m('admin.errors.secretMissing'));
  expect(await db.storageSource.findFirst({ where: { name } })).toBeNull();
});

test('every page’s Content-Security-Policy allows a new source’s endpoint once the source is made', async ({ signedInContext, db, requestAs }) => {
  const me = await signedInAdmin(db);
  const page = await (await signedInContext(me)).newPage();
  const request = await requestAs(me.sessionToken);
  // Any other origin will do: the policy is written from the sources' settings, not by asking them.
  const endpoint = `https://csp-${Date.now()}.s3.example`;
  const csp = async () => (await request.get('/files')).headers()['content-security-policy'] ?? '';
  expect(await csp()).not.toContain(endpoint);

  await page.goto('/admin/sources');
  const name = `CSP ${Date.now()}`;
  await addSource(page, { name, bucket: await newBucket(), prefix: '', endpoint, accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! });
  const policy = await csp();
  expect(policy).toMatch(new RegExp(`connect-src [^;]*${endpoint.replace(/[.:/]/g, '\\$&')}`));
  expect(policy).toMatch(new RegExp(`frame-src [^;]*${endpoint.replace(/[.:/]/g, '\\$&')}`));

  await sourceRow(page, name)
    .getByRole('button', { name: m('admin.sources.delete') })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: m('admin.sources.delete') })
    .click();
  await expect(sourceRow(page, name)).toBeHidden();
  expect(await csp()).not.toContain(endpoint);
});

test('someone who is not an admin sees no Admin link, and gets the app’s “not found” for the page', async ({ userPage: page, user, requestAs }) => {
  await page.goto('/files');
  await expect(page.getByRole('navigation', { name: m('shell.nav.main') }).getByRole('link', { name: m('shell.nav.files') })).toBeVisible();
  await expect(page.getByRole('link', { name: m('shell.nav.admin') })).toHaveCount(0);
  const response = await page.goto('/admin/sources');
  expect(response?.status()).toBe(404);
  await expect(page.getByText(m('shell.notFound.inApp'))).toBeVisible();
  await expect(page.getByText(m('admin.sources.title'))).toHaveCount(0);
  const direct = await (await requestAs(user.sessionToken)).get('/admin/sources');
  expect(direct.status()).toBe(404);
  expect(await direct.text()).not.toContain('new-source-heading');
});

test('the sources page fits a phone and a desktop, light and dark: listed, with notifications open and while editing', async ({ signedInContext, db }) => {
  test.setTimeout(180_000);
  const me = await signedInAdmin(db);
  const page = await (await signedInContext(me)).newPage();
  const owner = await db.user.create({ data: { email: `a-rather-long-address-for-a-client-${Date.now()}@handoff.test` }, select: { id: true } });
  const name = `Layout ${Date.now()}: the quarterly board packs from finance`;
  await db.storageSource.create({
    data: { name, bucket: 'acme-quarterly-board-packs-from-finance', prefix: 'clients/{email}/reports/', ownerId: owner.id, writable: true, pollSeconds: 300 },
  });
  await page.goto('/admin/sources');
  const row = sourceRow(page, name);
  await row.getByText(m('admin.sources.notifications')).click();
  await expect(row.getByTestId('hook-url')).toContainText('/events?token=');
  await sweep(page, 'admin-sources');

  await row.getByRole('button', { name: m('admin.sources.edit') }).click();
  await sweep(page, 'admin-sources-edit');
  await db.storageSource.deleteMany({ where: { name } });
});
