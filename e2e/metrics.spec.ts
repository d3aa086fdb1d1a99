// /api/metrics on the production build: a journey (upload, share, download) through an instance
// with METRICS_TOKEN set moves its counters, the output passes Prometheus's own checker
// (`promtool check metrics`, Debian's prometheus package), labels name route patterns and never
// a token, and the route is closed without the token and absent when none is configured.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { instancePort, startInstance, type Instance } from './fixtures/instance';
import { postDownload } from './fixtures/download';
import { seedApiToken, seedUser } from '../prisma/seed';

test.describe.configure({ mode: 'serial' });

const METRICS_TOKEN = randomBytes(24).toString('base64url');
let instance: Instance;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  instance = await startInstance(instancePort(testInfo.parallelIndex), { METRICS_TOKEN, BACKGROUND_JOBS: 'false' });
});

test.afterAll(async () => {
  await instance?.stop();
});

async function scrape(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${instance.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain');
  expect(response.headers()['set-cookie']).toBeUndefined();
  return response.text();
}

/** A sample's value: `name{labels}` exactly as written (labels in the order they are declared); 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

function promtool(text: string) {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool could not run (${run.error.message}): install Debian's prometheus package (apt-get install prometheus); .ci/run does`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('a journey moves the counters, the output passes promtool, and no label carries a path or token', async ({ request, db }) => {
  const before = await scrape(request);
  const owner = await seedUser(db);
  const token = await seedApiToken(db, owner.id);
  const api = (path: string, data?: object) => request.post(`${instance.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` }, data });

  // Upload through the API: started, sent straight to radosgw, completed.
  const bytes = Buffer.from('%PDF-1.4 counted\n');
  const started = await api('/uploads', { name: 'counted.pdf', size: bytes.length, contentType: 'application/pdf' });
  expect(started.status()).toBe(201);
  const { fileId, post } = (await started.json()) as { fileId: string; post: { url: string; fields: Record<string, string> } };
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }));
  expect((await fetch(post.url, { method: 'POST', body: form })).ok).toBe(true);
  expect((await api(`/uploads/${fileId}/complete`)).status()).toBe(200);

  // Share it, and download it as a recipient would.
  const shared = await api('/shares', { fileIds: [fileId], expires: '7d' });
  expect(shared.status()).toBe(201);
  const { url: shareUrl } = (await shared.json()) as { url: string };
  // Until the instance has a fresh reading that the store is up (slow on a loaded machine), a
  // download is refused with 503 and nothing is counted; the first 303 is the one counted.
  await expect.poll(async () => (await postDownload(request, shareUrl, fileId, { Origin: instance.url })).status(), { timeout: 60_000 }).toBe(303);

  const after = await scrape(request);
  const moved = (series: string) => sample(after, series) - sample(before, series);
  expect(moved('handoff_uploads_started_total{method="post"}')).toBe(1);
  expect(moved('handoff_uploads_completed_total')).toBe(1);
  expect(moved('handoff_download_redirects_total')).toBe(1);
  expect(moved('handoff_http_requests_total{route="/s/[token]/download",method="POST",status="303"}')).toBe(1);
  expect(moved('handoff_http_requests_total{route="/api/v1/uploads/[fileId]/complete",method="POST",status="200"}')).toBe(1);
  expect(moved('handoff_http_request_duration_seconds_count{route="/api/v1/shares",method="POST",status="201"}')).toBe(1);
  expect(after).toMatch(/^handoff_outbox_messages \d+$/m);
  expect(after).toMatch(/^handoff_outbox_oldest_age_seconds [\d.e+-]+$/m);
  expect(after).toMatch(/^process_cpu_seconds_total /m);
  // Labels hold patterns: never the share's token, the file's id or the API token.
  const shareToken = new URL(shareUrl).pathname.split('/').pop()!;
  for (const secret of [shareToken, fileId, token]) expect(after).not.toContain(secret);

  const checked = promtool(after);
  expect(checked.output).toBe('');
  expect(checked.status).toBe(0);
});

test('without the token, or with a wrong one, /api/metrics answers 401; with no METRICS_TOKEN set it is a 404', async ({ request }) => {
  const none = await request.get(`${instance.url}/api/metrics`);
  expect(none.status()).toBe(401);
  expect(none.headers()['www-authenticate']).toContain('Bearer');
  expect(await none.text()).not.toContain('handoff_');
  const wrong = await request.get(`${instance.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}x` } });
  expect(wrong.status()).toBe(401);
  // The suite's own server runs without METRICS_TOKEN.
  const unset = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(unset.status()).toBe(404);
  expect(await unset.text()).not.toContain('handoff_');
});
