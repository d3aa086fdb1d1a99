// Issue 9 on the production build: several instances of the app behind one address, sharing one
// database, one bucket and one mail server. Two extra instances (A and B) run with their timers
// on and short intervals; requests are spread across both. As behind a load balancer, their
// APP_URL is the one public address (the suite's own), so the emails they send, the suite's
// among them, carry links that work; the browser's requests for it are sent to the instance a
// test picks, with the X-Forwarded-Host a load balancer adds.
import { scryptSync } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { instancePort, startInstance, type Instance } from './fixtures/instance';
import { appOrigin, postDownload } from './fixtures/download';
import { emailsTo, firstLink, waitForEmail } from './fixtures/mail';
import { seedFile, seedShare, seedUser, uniqueEmail } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

test.describe.configure({ mode: 'serial' });

const SWEEP_SECONDS = 3;
const TIMERS = { BACKGROUND_JOBS: 'true', OUTBOX_INTERVAL_SECONDS: '1', SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS) };

let a: Instance;
let b: Instance;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(150_000);
  const start = (n: number) => startInstance(instancePort(testInfo.parallelIndex, n), { ...TIMERS, APP_URL: appOrigin() });
  [a, b] = await Promise.all([start(0), start(1)]);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, instance] of [
    ['A', a],
    ['B', b],
  ] as const)
    await testInfo.attach(`instance ${name} output`, { body: instance?.output() ?? '' });
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

test('20 downloads at once on a cap of 5, spread across two instances: exactly 5 go through', async ({ db, playwright }) => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id, { name: 'capped.pdf' });
  const token = createToken();
  const share = await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token) });
  await db.share.update({ where: { id: share.id }, data: { maxDownloads: 5 } });
  const request = await playwright.request.newContext();
  // Each instance first serves a download of another share of the file: its start-up work is
  // done and its reading of the store is fresh, so the burst below meets instances ready to serve.
  const warmToken = createToken();
  await seedShare(db, owner.id, file.id, { tokenHash: hashToken(warmToken) });
  for (const instance of [a, b]) {
    await expect.poll(async () => (await postDownload(request, `${instance.url}/s/${warmToken}`, file.id)).status(), { timeout: 60_000 }).toBe(303);
  }

  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => postDownload(request, `${[a, b][i % 2]!.url}/s/${token}`, file.id)));
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 303)).toHaveLength(5);
  expect(statuses.filter((status) => status === 410)).toHaveLength(15);
  expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(5);
  await request.dispose();
});

/**
 * Sends the browser's requests for the public address to whichever instance `pick` names now.
 * Built assets are the same on every instance (one build), so those are left to the suite's server.
 */
async function loadBalancer(context: BrowserContext, pick: () => Instance) {
  const publicHost = new URL(appOrigin()).host;
  const isPage = (url: URL) => url.origin === appOrigin() && !url.pathname.startsWith('/_next/static/');
  await context.route(isPage, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    const headers = { ...route.request().headers(), 'x-forwarded-host': publicHost };
    await route.fulfill({ response: await route.fetch({ url: `${pick().url}${pathname}${search}`, headers, maxRedirects: 0 }) });
  });
}

async function askForSignInLink(page: Page, email: string) {
  await page.goto(`${appOrigin()}/signin`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
}

test('sign-in links per address are counted across instances, and a session made on one works on the other', async ({ browser, db }, testInfo) => {
  // Six sign-ins through the browser: slow on a loaded machine.
  testInfo.setTimeout(120_000);
  const user = await seedUser(db);
  const context = await browser.newContext();
  let instance = a;
  await loadBalancer(context, () => instance);
  const page = await context.newPage();
  for (const next of [a, b, a, b, a]) {
    instance = next;
    await askForSignInLink(page, user.email);
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  }
  // Three asked of A and two of B: the sixth, of B, is over the limit of 5 for both together.
  instance = b;
  await askForSignInLink(page, user.email);
  await expect(page.getByText('Several sign-in links went to this address in the last hour.')).toBeVisible();
  await expect.poll(async () => (await emailsTo(user.email)).length).toBe(5);

  // The link (on the public address) opened through A makes the session; B knows it.
  const [mail] = await emailsTo(user.email);
  const link = firstLink(mail!.text, /http:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/);
  expect(new URL(link).origin).toBe(appOrigin());
  instance = a;
  await page.goto(link);
  await expect.poll(() => db.session.count({ where: { userId: user.id } })).toBe(1);
  instance = b;
  await page.goto(`${appOrigin()}/files`);
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.email);
  await context.close();
});

/** A password hash as lib/password.ts makes it (scrypt, N=2^15). */
function passwordHash(password: string): string {
  const salt = Buffer.from('instances-salt!!');
  const hash = scryptSync(password, salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$32768$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

test('a share unlocked on one instance is open on the other', async ({ browser, db }) => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id, { name: 'minutes.txt' });
  const token = createToken();
  const share = await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token) });
  await db.share.update({ where: { id: share.id }, data: { passwordHash: passwordHash('open sesame') } });
  const context = await browser.newContext();
  let instance = b;
  await loadBalancer(context, () => instance);
  const page = await context.newPage();
  const link = `${appOrigin()}/s/${token}`;

  await page.goto(link);
  await expect(page.getByText('protected by a password')).toBeVisible();
  instance = a;
  await page.goto(link);
  await page.getByLabel('Password').fill('open sesame');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('shared-file-name')).toHaveText('minutes.txt');
  instance = b;
  await page.goto(link);
  await expect(page.getByTestId('shared-file-name')).toHaveText('minutes.txt');
  await context.close();
});

test('with both instances draining the outbox, each of 30 queued emails arrives exactly once', async ({ db }) => {
  const addresses = Array.from({ length: 30 }, () => uniqueEmail('once'));
  await db.emailOutbox.createMany({ data: addresses.map((to) => ({ to, subject: 'Once only', text: 'Sent once.', html: '<p>Sent once.</p>' })) });
  await expect.poll(() => db.emailOutbox.count({ where: { to: { in: addresses }, status: 'sent' } }), { timeout: 30_000 }).toBe(30);
  // A little longer, for a second copy that would still be on its way.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const to of addresses) expect(await emailsTo(to), to).toHaveLength(1);
});

/** The times of the sweeps both instances logged since `since`, in order. */
function sweepsSince(since: number): number[] {
  const times = [a, b].flatMap((instance) => [...instance.output().matchAll(/\[sweep\] ran at (\S+):/g)].map((match) => Date.parse(match[1]!)));
  return times.filter((time) => time >= since).sort((x, y) => x - y);
}

test('the storage sweep runs once per interval in all, not once per instance', async ({ db }) => {
  // The suite's own server may hold this interval's sweep (its interval is 10 minutes): let it go,
  // as when that instance stops, so the two test instances share the work between them.
  await db.lease.deleteMany({ where: { name: 'sweep' } });
  const since = Date.now();
  await expect.poll(() => sweepsSince(since).length, { timeout: 8 * SWEEP_SECONDS * 1000 }).toBeGreaterThanOrEqual(4);
  const runs = sweepsSince(since);
  const gaps = runs.slice(1).map((time, i) => time - runs[i]!);
  // Two instances each sweeping on their own would leave gaps of half an interval or less; under
  // the lease, each run starts at least an interval after the one before (less the time taken
  // to take the lease).
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(SWEEP_SECONDS * 750);
});

/** An SMTP server that greets, then never answers: a send to it hangs until the client gives up. */
async function stalledMailServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write('220 stalled.test ESMTP\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

test('SIGTERM mid-send: the request under way is answered, the process exits, and another instance sends the email once, soon', async ({ browser, db }, testInfo) => {
  testInfo.setTimeout(150_000);
  const stalled = await stalledMailServer();
  // C's mail server hangs mid-conversation, so C holds its claim on the message when it is stopped.
  // C sends only what its own request asks (no outbox rounds): draining the shared outbox, it would
  // also claim, and hold, the mail of tests running beside this one.
  const c = await startInstance(instancePort(testInfo.parallelIndex, 2), { ...TIMERS, BACKGROUND_JOBS: 'false', APP_URL: appOrigin(), SMTP_URL: stalled.url });
  const context = await browser.newContext();
  let instance = c;
  await loadBalancer(context, () => instance);
  try {
    const user = await seedUser(db);
    const page = await context.newPage();
    await askForSignInLink(page, user.email);
    // C sends a sign-in link at once, while the page waits up to 5 s for it: C has claimed it.
    await expect.poll(async () => (await db.emailOutbox.findFirst({ where: { to: user.email } }))?.status).toBe('sending');
    const stopped = c.stop();
    // The balancer sends what comes next to A; the page's request was under way on C: it is
    // answered (the link is delayed), not cut off.
    instance = a;
    await expect(page.getByText('Our mail server is not answering right now, so your sign-in link is queued.')).toBeVisible();
    expect(await stopped).toBe(0);
    // A or B (or the suite's server) sends it at its next round, not after the 5-minute stale-claim timeout.
    await waitForEmail(user.email, 20_000);
    expect(c.output()).toContain('[stop] handed back 1 unsent emails');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await emailsTo(user.email)).toHaveLength(1);
    const message = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(message.status).toBe('sent');
    expect(message.attempts).toBe(1);
  } finally {
    await context.close();
    await c.stop();
    stalled.close();
  }
});
