/**
 * The error a locked database gives (SQLite's SQLITE_BUSY), found also where it was wrapped:
 * Prisma's adapter error, Prisma's own (P1008 "timed out", or a raw query's P2010 with the
 * adapter's error in `meta.driverAdapterError`), or Auth.js's `{ cause: { err } }`.
 */
export function isDatabaseBusyError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const seen: unknown[] = [error];
  for (let i = 0; i < seen.length && i < 20; i++) {
    const e = seen[i] as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; err?: unknown; meta?: unknown; driverAdapterError?: unknown };
    const code = e.originalCode ?? e.code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'P1008')) return true;
    if (e.kind === 'SocketTimeout') return true;
    seen.push(...[e.cause, e.err, e.meta, e.driverAdapterError].filter((next) => next && typeof next === 'object'));
  }
  return false;
}
