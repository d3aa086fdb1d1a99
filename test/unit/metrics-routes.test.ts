// Requests are counted under their route's pattern (lib/metrics/routes.ts): every page and route
// of the app has one, and a path's tokens and ids never become a label.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { OTHER_ROUTE, ROUTE_PATTERNS, routePattern } from '@/lib/metrics/routes';

const APP = new URL('../../app', import.meta.url).pathname;

/** Each page.tsx and route.ts under app/, as the URL pattern it serves (route groups left out). */
function appRoutes(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return appRoutes(path);
    if (entry.name !== 'page.tsx' && entry.name !== 'route.ts') return [];
    const segments = relative(APP, dir)
      .split('/')
      .filter((segment) => segment && !/^\(.*\)$/.test(segment));
    return [`/${segments.join('/')}`];
  });
}

test('every page and route under app/ has its pattern listed', () => {
  const listed = new Set<string>(ROUTE_PATTERNS);
  expect(appRoutes().filter((route) => !listed.has(route))).toEqual([]);
});

test('paths map to their route patterns, never to the tokens or ids in them', () => {
  expect(routePattern('/s/Zk3vQ9-secret-token/download?file=abc123')).toBe('/s/[token]/download');
  expect(routePattern('/s/Zk3vQ9-secret-token')).toBe('/s/[token]');
  expect(routePattern('/r/another-token?_rsc=1x')).toBe('/r/[token]');
  expect(routePattern('/api/v1/shares/s1/recipients/r1/resend')).toBe('/api/v1/shares/[id]/recipients/[recipientId]/resend');
  expect(routePattern('/api/v1/openapi.json')).toBe('/api/v1/openapi.json');
  expect(routePattern('/api/v1/no/such/thing')).toBe('/api/v1/[...rest]');
  expect(routePattern('/files/')).toBe('/files');
  expect(routePattern('/files/sources/src1')).toBe('/files/sources/[sourceId]');
  expect(routePattern('/_next/static/chunks/app.js')).toBe('/_next/[...path]');
  expect(routePattern('/')).toBe('/');
});

test('paths no route serves share one label', () => {
  for (const path of ['/wp-login.php', '/s', '/s/a/b/c/d', '/files/x', '/_next']) expect(routePattern(path)).toBe(OTHER_ROUTE);
});
