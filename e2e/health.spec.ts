// /api/health and /api/ready on the production build, as a load balancer calls them: up on the
// suite's server with every service running; not ready, naming the part, on instances whose store
// or mail server cannot be reached; and never a credential in the answer or the log.
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { instancePort, startInstance, type Instance } from './fixtures/instance';

test.describe.configure({ mode: 'serial' });

// Each instance has one part that cannot be reached (nothing listens on port 1), or one the app
// cannot use (a wrong secret key).
const SMTP_PASSWORD = 'smtp-password-never-shown';
const BROKEN = {
  storage: { S3_ENDPOINT: 'http://127.0.0.1:1' },
  credentials: { S3_SECRET_ACCESS_KEY: 'a-secret-key-radosgw-does-not-know' },
  mail: { SMTP_URL: `smtp://handoff:${SMTP_PASSWORD}@127.0.0.1:1` },
};
const SECRETS = [process.env.S3_SECRET_ACCESS_KEY!, process.env.S3_ACCESS_KEY_ID!, SMTP_PASSWORD, BROKEN.credentials.S3_SECRET_ACCESS_KEY];

let storageDown: Instance;
let mailDown: Instance;
let wrongKey: Instance;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(150_000);
  const start = (n: number, env: Record<string, string>) => startInstance(instancePort(testInfo.parallelIndex, n), { ...env, BACKGROUND_JOBS: 'false', READY_TIMEOUT_MS: '1500' });
  [storageDown, mailDown, wrongKey] = await Promise.all([start(0, BROKEN.storage), start(1, BROKEN.mail), start(2, BROKEN.credentials)]);
});

test.afterAll(async () => {
  await Promise.all([storageDown?.stop(), mailDown?.stop(), wrongKey?.stop()]);
});

async function getJson(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  const text = await response.text();
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['set-cookie']).toBeUndefined();
  return { status: response.status(), body: JSON.parse(text) as Record<string, unknown> };
}

test('/api/health answers 200 with no cookie and no cache, and so do instances whose services are down', async ({ request }) => {
  for (const base of ['', storageDown.url, mailDown.url]) {
    expect(await getJson(request, `${base}/api/health`)).toEqual({ status: 200, body: { status: 'ok' } });
  }
});

test('/api/ready answers 200 with every part up when the database, radosgw and SMTP all answer', async ({ request }) => {
  expect(await getJson(request, '/api/ready')).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'up', storage: 'up', mail: 'up' } } });
});

test('/api/ready answers 503 naming the store when radosgw cannot be reached', async ({ request }) => {
  expect(await getJson(request, `${storageDown.url}/api/ready`)).toEqual({
    status: 503,
    body: { status: 'not ready', checks: { database: 'up', storage: 'down', mail: 'up' }, failed: ['storage'] },
  });
  expect(storageDown.output()).toContain('[ready] storage is down');
});

test('/api/ready answers 503 naming the mail server when SMTP is down, and logs no password', async ({ request }) => {
  expect(await getJson(request, `${mailDown.url}/api/ready`)).toEqual({
    status: 503,
    body: { status: 'not ready', checks: { database: 'up', storage: 'up', mail: 'down' }, failed: ['mail'] },
  });
  expect(mailDown.output()).toContain('[ready] mail is down');
  for (const secret of SECRETS) expect(mailDown.output()).not.toContain(secret);
});

test('/api/ready answers 503 naming the store when its secret key is wrong: radosgw answers, but refuses the app', async ({ request }) => {
  expect(await getJson(request, `${wrongKey.url}/api/ready`)).toEqual({
    status: 503,
    body: { status: 'not ready', checks: { database: 'up', storage: 'down', mail: 'up' }, failed: ['storage'] },
  });
  expect(wrongKey.output()).toContain('[ready] storage is down');
  for (const secret of SECRETS) expect(wrongKey.output()).not.toContain(secret);
});
