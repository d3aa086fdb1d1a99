// Requests are counted by the route that answers them, written as its pattern ("/s/[token]"),
// never by the raw path: paths carry share and request tokens, and one label per path would
// grow without end. test/unit/metrics-routes.test.ts checks that every page and route under app/
// is listed here.

export const ROUTE_PATTERNS = [
  '/',
  '/admin/sources',
  '/admin/users',
  '/api/auth/[...nextauth]',
  '/api/health',
  '/api/metrics',
  '/api/ready',
  '/api/sources/[id]/events',
  '/api/v1/[...rest]',
  '/api/v1/files',
  '/api/v1/files/[id]',
  '/api/v1/files/[id]/presign',
  '/api/v1/folders',
  '/api/v1/folders/[id]',
  '/api/v1/me',
  '/api/v1/openapi.json',
  '/api/v1/requests',
  '/api/v1/requests/[id]/close',
  '/api/v1/shares',
  '/api/v1/shares/[id]',
  '/api/v1/shares/[id]/recipients',
  '/api/v1/shares/[id]/recipients/[recipientId]',
  '/api/v1/shares/[id]/recipients/[recipientId]/resend',
  '/api/v1/shares/[id]/revoke',
  '/api/v1/sources',
  '/api/v1/sources/[id]/files',
  '/api/v1/sources/[id]/objects',
  '/api/v1/uploads',
  '/api/v1/uploads/[fileId]',
  '/api/v1/uploads/[fileId]/complete',
  '/api/v1/uploads/[fileId]/parts',
  '/docs/api',
  '/files',
  '/files/sources/[sourceId]',
  '/preferences',
  '/r/[token]',
  '/requests',
  '/rules',
  '/rules/[id]',
  '/s/[token]',
  '/s/[token]/download',
  '/s/[token]/download/ceiling',
  '/settings/security',
  '/settings/tokens',
  '/shares',
  '/shares/[id]',
  '/signin',
  '/signin/check-email',
  '/signin/second-factor',
  // The build's scripts and styles, and the app's icons and manifest.
  '/_next/[...path]',
  '/favicon.ico',
  '/icon.svg',
  '/apple-icon.png',
  '/manifest.webmanifest',
] as const;

/** Any path no pattern matches (a 404, a probe): one label for all of them. */
export const OTHER_ROUTE = 'other';

type Compiled = { pattern: string; segments: (string | null)[]; isCatchAll: boolean };

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

const exact = new Map<string, string>();
const dynamic: Compiled[] = [];
for (const pattern of ROUTE_PATTERNS) {
  if (!pattern.includes('[')) {
    exact.set(pattern, pattern);
    continue;
  }
  const parts = segmentsOf(pattern);
  const isCatchAll = parts.at(-1)!.startsWith('[...');
  dynamic.push({ pattern, isCatchAll, segments: (isCatchAll ? parts.slice(0, -1) : parts).map((part) => (part.startsWith('[') ? null : part)) });
}
// Fixed segments win over placeholders: fewer placeholders first, catch-alls last.
const placeholders = (route: Compiled) => route.segments.filter((part) => part === null).length + (route.isCatchAll ? 100 : 0);
dynamic.sort((a, b) => placeholders(a) - placeholders(b));

/** The pattern of the route that serves this request target (path and query), or "other". */
export function routePattern(target: string): string {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const found = exact.get(trimmed);
  if (found) return found;
  const parts = segmentsOf(trimmed);
  for (const route of dynamic) if (matches(route, parts)) return route.pattern;
  return OTHER_ROUTE;
}

function matches(route: Compiled, parts: string[]): boolean {
  if (route.isCatchAll ? parts.length <= route.segments.length : parts.length !== route.segments.length) return false;
  return route.segments.every((segment, i) => segment === null || segment === parts[i]);
}
