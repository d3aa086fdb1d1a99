// Issue 10: the API's docs page, public, made on the server from the OpenAPI document: every
// operation and every problem type the API can answer with has an anchor there.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { accessibilityProblems, layoutProblems, SCREENSHOT_DIR } from './fixtures/layout';

type Document = { paths: Record<string, Record<string, { operationId: string; summary: string; 'x-scope'?: string }>> };

/** The slug of a refusal's message key, as lib/api/problem.ts names it: "files.errors.fileGone" -> "files-file-gone". */
const slugOf = (key: string) =>
  key
    .split('.')
    .filter((part) => part !== 'errors')
    .join('-')
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Every problem slug the API can answer with: its own (API_PROBLEMS) and every refusal under an `errors` key of the catalogues. */
function everyProblemSlug(): string[] {
  const source = readFileSync(path.join(process.cwd(), 'lib/api/problem.ts'), 'utf8');
  const block = /export const API_PROBLEMS = \{([\s\S]*?)\n\} as const/.exec(source)![1]!;
  const own = [...block.matchAll(/^\s*'?([a-z-]+)'?: \[/gm)].map((match) => match[1]!);
  const refusals: string[] = [];
  const walk = (node: unknown, keys: string[]) => {
    if (typeof node === 'string') {
      if (keys.slice(0, -1).includes('errors')) refusals.push(slugOf(keys.join('.')));
    } else for (const [key, value] of Object.entries(node as object)) walk(value, [...keys, key]);
  };
  const dir = path.join(process.cwd(), 'messages/en');
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), [file.replace('.json', '')]);
  expect(own.length).toBeGreaterThan(5);
  return [...new Set([...own, ...refusals])];
}

test('the docs page is public and shows every operation of the OpenAPI document under its own anchor', async ({ page, request }) => {
  const document = (await (await request.get('/api/v1/openapi.json')).json()) as Document;
  const response = await page.goto('/docs/api');
  expect(response!.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/docs/api');
  await expect(page.getByRole('heading', { level: 1, name: 'Handoff API' })).toBeVisible();
  await expect(page.getByTestId('api-base-url')).toHaveText(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/v1`);

  const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, op]) => ({ route, method, ...op })));
  expect(operations.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('api-operation')).toHaveCount(operations.length);
  for (const op of operations) {
    const section = page.locator(`#op-${op.operationId}`);
    await expect(section, op.operationId).toContainText(op.method.toUpperCase());
    await expect(section, op.operationId).toContainText(`/api/v1${op.route}`);
    await expect(section, op.operationId).toContainText(op.summary);
    if (op['x-scope']) await expect(section, op.operationId).toContainText(op['x-scope']);
    // The table of contents links to it.
    await expect(page.locator(`nav a[href="#op-${op.operationId}"]`)).toHaveCount(1);
  }
  // Fields come from the schemas: the files list's query parameters and its answer's nested rows.
  const listFiles = page.locator('#op-listFiles');
  await expect(listFiles).toContainText('"name" | "date" | "size" | "type"');
  await expect(listFiles).toContainText('nextCursor');
  await expect(listFiles).toContainText('isFromRequest');
});

test('every problem type the API can answer with resolves to an anchor on the docs page', async ({ page, request }) => {
  await page.goto('/docs/api');
  const anchors = new Set(await page.locator('[id^="problem-"]').evaluateAll((elements) => elements.map((el) => el.id)));
  const missing = everyProblemSlug().filter((slug) => !anchors.has(`problem-${slug}`));
  expect(missing).toEqual([]);

  // And the types real answers carry: no token, a malformed token.
  const answers = [await request.get('/api/v1/me'), await request.get('/api/v1/me', { headers: { Authorization: 'Bearer hnd_nope' } })];
  for (const answer of answers) {
    const { type } = (await answer.json()) as { type: string };
    expect(type).toMatch(/^\/docs\/api#problem-[a-z-]+$/);
    await page.goto(type);
    await expect(page.locator(`#${type.split('#')[1]}`)).toBeVisible();
  }
});

test('the docs page reads well on a phone and a desktop, light and dark, and axe finds nothing', async ({ page }) => {
  test.setTimeout(180_000);
  expect((await page.goto('/docs/api'))!.status()).toBe(200);
  await expect(page.getByTestId('api-operation').first()).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const where = `/docs/api at ${width} px in ${scheme}`;
      expect(await layoutProblems(page), where).toEqual([]);
      expect(await accessibilityProblems(page), where).toEqual([]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/api-docs-${width}-${scheme}.png`, fullPage: true });
    }
  }
});
