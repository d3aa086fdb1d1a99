// The OpenAPI document is made from the operations' own schemas (lib/api/openapi.ts): it must pass a
// standard linter (Redocly's recommended rules) and describe exactly the routes the app serves.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { openApiDocument } from '@/lib/api/openapi';
import { listProblemTypes } from '@/lib/api/problem';

const API_DIR = join(process.cwd(), 'app/api/v1');
const UNDOCUMENTED = new Set(['/openapi.json', '/[...rest]']);

/** Every (method, path) the route files under app/api/v1 export, OpenAPI style: [id] -> {id}. */
function servedRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'route.ts') {
        const apiPath = `/${relative(API_DIR, dir).split(sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
        if (UNDOCUMENTED.has(apiPath)) continue;
        for (const [, method] of readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)) routes.push(`${method} ${apiPath}`);
      }
    }
  };
  walk(API_DIR);
  return routes.sort();
}

describe('the OpenAPI document', () => {
  const document = openApiDocument() as { paths: Record<string, Record<string, unknown>> };

  test('passes Redocly’s recommended rules with no error or warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: '/openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  test('documents every route the app serves under /api/v1, and nothing else', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(servedRoutes());
  });

  test('is OpenAPI 3.1 with JSON Schema 2020-12 and bearer tokens with scopes', () => {
    expect(document).toMatchObject({ openapi: '3.1.0', components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } } });
  });
});

describe('the problem types', () => {
  test('each refusal has a type of its own: no two messages share a slug ("file-gone" was two)', () => {
    const shared = listProblemTypes().filter((problem) => problem.texts.length > 1);
    expect(shared.map((problem) => `${problem.slug}: ${problem.texts.join(' | ')}`)).toEqual([]);
    expect(listProblemTypes().map((problem) => problem.slug)).toContain('sources-key-dots');
  });
});
