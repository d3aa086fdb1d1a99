// Issue 8, the page shell: pages that fit a phone, dark mode without a flash, a skip link, the
// app's own 404 and error pages (with a reference the server log shows too), and the app icon.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page, TestInfo } from '@playwright/test';
import { test, expect, sessionCookie, type TestUser } from './fixtures';
import { instancePort, startInstance } from './fixtures/instance';
import { ownDatabase } from './fixtures/own-database';
import { connect, seedFile, seedSession, seedShare, seedUploadRequest, seedUser, type Db } from '../prisma/seed';
import { createToken, hashToken } from '../lib/shares/token';

const LONG_NAME = 'quarterly-financial-statements-and-board-presentation-final-version-reviewed-by-legal.xlsx';
const LONG_EMAIL = 'a.very.long.recipient.address.for.the.finance.department@subsidiary.handoff.test';

/** A user with a share of a long-named file to a long address, and an open upload request. */
async function seedOwnerPages(db: Db, user: TestUser) {
  const file = await seedFile(db, user.id, { name: LONG_NAME });
  const share = await seedShare(db, user.id, file.id);
  await db.shareRecipient.create({ data: { shareId: share.id, email: LONG_EMAIL } });
  await seedUploadRequest(db, user.id, null, { title: `Send me the ${LONG_NAME} and everything that goes with it` });
  return ['/shares', `/shares/${share.id}`, '/requests', '/settings/security'];
}

async function contextFor(browser: Browser, user: TestUser | null, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}`, ...options });
  if (user) await context.addCookies([sessionCookie(user.sessionToken)]);
  return context;
}

/** What sticks out sideways: the page's own scroll, and any element past the viewport's right edge. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scroll = document.documentElement.scrollWidth > width ? [`the page scrolls: ${document.documentElement.scrollWidth} > ${width}`] : [];
    const outside = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(element.getBoundingClientRect().right)}`);
    return [...scroll, ...outside];
  });
}

/** Screenshots are kept with the test's results, for people to look at (never compared). */
function screenshotPath(testInfo: TestInfo, name: string) {
  return testInfo.outputPath(`${name.replace(/[^\w-]+/g, '-')}.png`);
}

/** The body's background as relative luminance (0 black, 1 white). */
function bodyLuminance(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

test("from 360 to 1280 px wide nothing on the owner's pages sticks out sideways, long names and addresses included", async ({ browser, db, user }, testInfo) => {
  const pages = await seedOwnerPages(db, user);
  for (const width of [360, 390, 1280]) {
    const context = await contextFor(browser, user, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await sidewaysOverflow(page), `on ${path} at ${width} px`).toEqual([]);
      await page.screenshot({ path: screenshotPath(testInfo, `${width}-light${path}`), fullPage: true });
    }
    // The long address is shown whole (wrapped), not cut off, and the account links are in reach.
    await page.goto(pages[1]!);
    await expect(page.getByText(LONG_EMAIL)).toBeVisible();
    if (width < 768) await page.getByRole('button', { name: 'Account' }).click();
    await expect(page.getByRole('link', { name: 'Security' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(await sidewaysOverflow(page), `the account links at ${width} px`).toEqual([]);
    await page.screenshot({ path: screenshotPath(testInfo, `${width}-light-account-links`) });
    await context.close();
  }
});

test('a system set to dark gets dark pages in the first response, before any script runs', async ({ browser, user }) => {
  const context = await contextFor(browser, user, { colorScheme: 'dark', javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ['/signin', '/shares']) {
    await page.goto(path);
    expect(await bodyLuminance(page), `on ${path}`).toBeLessThan(0.05);
  }
  await context.close();
});

test('the theme chosen overrides the system and stays across reloads, on signed-in and public pages', async ({ browser, user, db }) => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id);
  const token = createToken();
  await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token) });

  const context = await contextFor(browser, user, { colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/shares');
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
  await page.getByLabel('Theme').selectOption('Dark');
  await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.05);
  for (const path of ['/shares', `/s/${token}`, '/signin']) {
    await page.goto(path);
    expect(await bodyLuminance(page), `on ${path}`).toBeLessThan(0.05);
  }
  await page.getByLabel('Theme').selectOption('Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
  await page.getByLabel('Theme').selectOption('System');
  await page.reload();
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await context.close();
});

test('axe finds nothing on the owner pages, sign-in and 404, in light and in dark', async ({ browser, db, user }, testInfo) => {
  test.setTimeout(120_000);
  const visits = [
    { who: user, paths: [...(await seedOwnerPages(db, user)), '/no-such-page'] },
    { who: null, paths: ['/signin', '/no-such-page'] },
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { who, paths } of visits) {
      const context = await contextFor(browser, who, { colorScheme });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await bodyLuminance(page), `${path} follows the system's ${colorScheme}`)[colorScheme === 'dark' ? 'toBeLessThan' : 'toBeGreaterThan'](0.5);
        await page.screenshot({ path: screenshotPath(testInfo, `1280-${colorScheme}${who ? '' : '-signed-out'}${path}`), fullPage: true });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${path} in ${colorScheme}`,
        ).toEqual([]);
      }
      await context.close();
    }
  }
});

test('"Skip to content" comes first and jumps past the header on app, sign-in and recipient pages', async ({ browser, db, user }) => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id);
  const token = createToken();
  await seedShare(db, owner.id, file.id, { tokenHash: hashToken(token) });
  const context = await contextFor(browser, user);
  const page = await context.newPage();
  for (const path of ['/shares', '/settings/security', `/s/${token}`, '/signin']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip, `on ${path}`).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main#main'))), `focus moves into main on ${path}`).toBe(true);
  }
  await context.close();
});

test("pages that do not exist are the app's own, with a way back that fits who is asking", async ({ browser, user }) => {
  const stranger = await contextFor(browser, null);
  const page = await stranger.newPage();
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await stranger.close();

  const signedIn = await contextFor(browser, user);
  const owner = await signedIn.newPage();
  for (const path of ['/no-such-page', '/shares/no-such-share']) {
    expect((await owner.goto(path))?.status(), path).toBe(404);
    await expect(owner.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await owner.getByRole('link', { name: 'Go to your files' }).click();
    await expect(owner).toHaveURL(/\/files$/);
  }
  await signedIn.close();
});

test('a page that fails on the server shows a short reference, and the server log has it beside the stack', async ({ browser, db }, testInfo) => {
  // Its own database, missing the table the requests page reads.
  const own = await ownDatabase(db, `broken-${testInfo.parallelIndex}`);
  const copy = connect(own.url);
  const owner = await seedUser(copy);
  const sessionToken = await seedSession(copy, owner.id);
  await copy.$executeRawUnsafe(`DROP TABLE "UploadRequest"${own.isPostgres ? ' CASCADE' : ''}`);
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { DATABASE_URL: own.url, BACKGROUND_JOBS: 'false' });
  try {
    const context = await browser.newContext({ baseURL: instance.url });
    await context.addCookies([{ ...sessionCookie(sessionToken) }]);
    const page = await context.newPage();
    await page.goto('/requests');
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    const reference = (await page.getByTestId('error-reference').textContent())!.trim();
    expect(reference).toMatch(/^[\w@]{6,}$/);
    await expect.poll(instance.output).toMatch(new RegExp(`\\[error\\] reference ${reference}: GET /requests\\n[\\s\\S]{0,200}UploadRequest[^\\n]*\\n\\s+at `));
    await page.getByRole('link', { name: 'Go to your files' }).click();
    await expect(page).toHaveURL(/\/files$/);
    await context.close();
  } finally {
    await instance.stop();
    await copy.$disconnect();
    await own.remove();
  }
});

test('the app has an icon for tabs, home screens and installs, served without a detour', async ({ page, request }) => {
  await page.goto('/signin');
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  const served = async (href: string) => {
    const response = await request.get(href, { maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
    return response.headers()['content-type'];
  };
  expect(await Promise.all(icons.map(served))).toEqual(expect.arrayContaining([expect.stringContaining('image/svg+xml')]));
  expect(await served(touch!)).toContain('image/png');
  expect(await served(manifest!)).toContain('application/manifest+json');
  const app = await (await request.get(manifest!)).json();
  expect(app).toMatchObject({ name: 'Handoff', start_url: '/files', display: 'standalone' });
});
