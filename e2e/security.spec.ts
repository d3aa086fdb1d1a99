// Issue 7 on the production build: what a stranger's headers can and cannot do.
import { test, expect } from './fixtures';
import { callAction, FILES_ACTIONS, postAction, SHARES_ACTIONS } from './fixtures/actions';
import { seedFile } from '../prisma/seed';

const appOrigin = () => `http://localhost:${process.env.E2E_PORT ?? 3100}`;

test('pages carry a fresh nonce CSP that stops injected script, plus the fixed security headers', async ({ page, securityProblems }) => {
  const first = (await page.goto('/signin'))!.headers();
  const csp = first['content-security-policy']!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // Uploads and "download all" talk to the bucket straight from the browser, and nothing else.
  expect(csp).toContain(`connect-src 'self' ${new URL(process.env.S3_ENDPOINT!).origin}`);
  expect(first['permissions-policy']).toContain('camera=()');
  expect(first['x-frame-options']).toBe('DENY');
  expect(first['x-content-type-options']).toBe('nosniff');
  // Served over plain http here: no HSTS (browsers ignore it there anyway).
  expect(first['strict-transport-security']).toBeUndefined();

  // Next.js's own scripts carry this response's nonce; the next response has another.
  const nonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  const second = (await page.reload())!.headers()['content-security-policy']!;
  expect(/'nonce-([^']+)'/.exec(second)?.[1]).not.toBe(nonce);

  // Markup that slipped past escaping cannot run script: the inline handler is refused.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="/nowhere.png" onerror="window.injected = true">');
  });
  await expect.poll(() => securityProblems.some((p) => p.includes('Content Security Policy'))).toBe(true);
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  securityProblems.length = 0; // that violation was the point of this test
});

test('a state-changing request from another site, or from nowhere, is refused and changes nothing', async ({ db, user, playwright }) => {
  const cookie = `authjs.session-token=${user.sessionToken}`;
  const cases: [string, Record<string, string>][] = [
    ['no Origin and no Referer', {}],
    ['another site', { Origin: 'http://evil.example' }],
    ['an opaque origin', { Origin: 'null' }],
    ['a Referer from another site', { Referer: 'http://evil.example/page' }],
    ['a look-alike host', { Origin: `${appOrigin()}.evil.example` }],
  ];
  for (const [label, headers] of cases) {
    const request = await playwright.request.newContext({ baseURL: appOrigin(), extraHTTPHeaders: { Cookie: cookie } });
    const response = await postAction(request, FILES_ACTIONS, 'createFolder', { name: `via ${label}`, parentId: null }, '/files', headers);
    expect(response.status(), label).toBe(403);
    expect(await response.text(), label).toContain(`not from ${appOrigin()}`);
    await request.dispose();
  }
  expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(0);

  // The app's own pages pass, by Origin or, when a browser sends none, by Referer.
  const fromApp = await playwright.request.newContext({ baseURL: appOrigin(), extraHTTPHeaders: { Cookie: cookie } });
  expect((await postAction(fromApp, FILES_ACTIONS, 'createFolder', { name: 'by referer', parentId: null }, '/files', { Referer: `${appOrigin()}/files` })).status()).toBe(200);
  expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(1);
  await fromApp.dispose();
});

test('rotating X-Forwarded-For does not buy more password guesses', async ({ db, user, userRequest, browser }) => {
  const file = await seedFile(db, user.id, { name: 'payroll.csv' });
  const created = await callAction(userRequest, SHARES_ACTIONS, 'createShare', { fileIds: [file.id], expiry: '7d', password: 'right-password' });
  expect(created.ok).toBe(true);
  const { id: shareId, url } = created.data as { id: string; url: string };

  const context = await browser.newContext();
  const stranger = await context.newPage();
  await stranger.goto(url);
  const replies: string[] = [];
  for (let attempt = 1; attempt <= 9; attempt++) {
    // A different "client address" each time, as a proxy would claim it.
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': `203.0.113.${attempt}`, 'X-Real-IP': `198.51.100.${attempt}` });
    await stranger.getByLabel('Password').fill(`guess-${attempt}`);
    await stranger.getByRole('button', { name: 'Unlock' }).click();
    const alert = stranger.getByText(/That password is not right|Too many wrong passwords/);
    await expect(alert).toBeVisible();
    replies.push((await alert.textContent()) ?? '');
    await stranger.reload();
  }
  expect(replies.slice(0, 5).every((reply) => reply.includes('not right'))).toBe(true);
  expect(replies.slice(5).some((reply) => reply.includes('Too many'))).toBe(true);
  // Every guess was counted against the one real client, whatever the headers said.
  const perClient = await db.unlockThrottle.findMany({ where: { subject: shareId, NOT: { clientKey: { startsWith: '*' } } } });
  expect(perClient).toHaveLength(1);
  await context.close();
});
