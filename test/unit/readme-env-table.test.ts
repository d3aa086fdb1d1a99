// The README's table of environment variables (Deploying) lists exactly the settings lib/env.ts
// reads, so a new setting cannot ship undocumented and a removed one does not linger.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

function settingsReadByTheApp(): string[] {
  const source = read('lib/env.ts');
  const schema = source.slice(source.indexOf('z\n  .object({'), source.indexOf('.superRefine('));
  return [...schema.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!).sort();
}

function settingsInTheReadme(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('### Environment variables');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` +\|/gm)].map((match) => match[1]!).sort();
}

test('lib/env.ts reads a few dozen settings (the parser below still finds them)', () => {
  expect(settingsReadByTheApp()).toEqual(expect.arrayContaining(['APP_URL', 'AUTH_SECRET', 'DATABASE_URL', 'TRUSTED_PROXIES', 'CLAMAV_INFECTED']));
  expect(settingsReadByTheApp().length).toBeGreaterThan(30);
});

test("the README's table of environment variables lists every setting lib/env.ts reads, and only those", () => {
  expect(settingsInTheReadme()).toEqual(settingsReadByTheApp());
});

test('every setting but NODE_ENV is documented in .env.example too', () => {
  const example = read('.env.example');
  const missing = settingsReadByTheApp().filter((name) => name !== 'NODE_ENV' && !new RegExp(`^${name}=`, 'm').test(example));
  expect(missing).toEqual([]);
});
