import { test, expect } from './fixtures';
import { emailsTo, firstLink, waitForEmail } from './fixtures/mail';
import { instancePort, startInstance } from './fixtures/instance';
import { uniqueEmail } from '../prisma/seed';

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

test('a sign-in link always points at APP_URL, whatever host the request claimed to be for', async ({ playwright, browser }) => {
  const app = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  const victim = uniqueEmail('victim');
  // Straight to Auth.js's own endpoint, as a script would, claiming another host.
  const request = await playwright.request.newContext({ baseURL: app });
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/signin/nodemailer', {
    form: { email: victim, csrfToken, callbackUrl: 'http://evil.example/files' },
    headers: { Origin: app, 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  await request.dispose();

  const mail = await waitForEmail(victim);
  expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain('evil.example');
  const link = new URL(firstLink(mail.text, /http:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/));
  expect(link.origin).toBe(app);
  expect(new URL(link.searchParams.get('callbackUrl')!).origin).toBe(app);
  // And it is a working link, on the real app.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link.toString());
  await expect(page).toHaveURL(`${app}/files`);
  await context.close();
});

test('sign-in emails to one address are limited, with a message that says what to do', async ({ page }) => {
  const email = uniqueEmail('limited');
  const ask = async () => {
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  };
  for (let i = 0; i < 5; i++) {
    await ask();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  }
  await ask();
  await expect(page.getByText('Several sign-in links went to this address in the last hour. Use the newest one, or ask again in')).toBeVisible();
  await expect.poll(async () => (await emailsTo(email)).length).toBe(5);
});

test('with the mail server down, sign-in says the email is delayed, and it arrives once mail works', async ({ browser, db }, testInfo) => {
  // An instance whose mail server does not answer, and which leaves the sending to the others.
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { SMTP_URL: 'smtp://127.0.0.1:1', BACKGROUND_JOBS: 'false' });
  const context = await browser.newContext({ baseURL: instance.url });
  try {
    const email = uniqueEmail('patient');
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByText('Our mail server is not answering right now, so your sign-in link is queued.')).toBeVisible();

    // Queued with its link sealed: the database alone holds no usable link.
    const queued = await db.emailOutbox.findFirstOrThrow({ where: { to: email } });
    expect(queued.status).toBe('queued');
    expect(`${queued.text}${queued.html}`).not.toMatch(/token=|callback\/nodemailer/);
    expect(queued.sealedLink).toBeTruthy();

    // The main instance, whose mail server works, sends it on one of its next rounds.
    const mail = await waitForEmail(email, 45_000);
    await page.goto(firstLink(mail.text, /http:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/));
    await expect(page).toHaveURL(`${instance.url}/files`);
    expect((await db.emailOutbox.findFirstOrThrow({ where: { to: email } })).sealedLink).toBeNull();
  } finally {
    await context.close();
    await instance.stop();
  }
});
