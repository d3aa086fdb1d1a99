import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// A files-list cursor is opaque: the last row's sort value and id, signed together with whose
// listing it is (owner, folder or search, sort and direction). It cannot point at another
// person's row, and it is only accepted by the listing it was made for.

/** The listing a cursor belongs to. */
export type CursorScope = { ownerId: string; folderId: string | null; query: string; sort: string; dir: string };
/**
 * Where a page ended: its last row's sort value (as text) and id; in a search's best-first order,
 * also its rank (lib/files/name-search.ts), with its sort name as the value. isFolder: the page
 * ended in the folder's subfolders (its value is that folder's sort name).
 */
export type CursorPosition = { value: string; id: string; rank?: number; isFolder?: boolean };

const FOLDER_MARK = 'folder';

function mac(scope: CursorScope, payload: string): string {
  const signed = JSON.stringify(['files-cursor', scope.ownerId, scope.folderId, scope.query, scope.sort, scope.dir, payload]);
  return createHmac('sha256', env().AUTH_SECRET).update(signed).digest('base64url').slice(0, 32);
}

export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const mark = position.isFolder ? FOLDER_MARK : position.rank;
  const fields = mark === undefined ? [position.value, position.id] : [position.value, position.id, mark];
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${mac(scope, payload)}`;
}

/** The position in a cursor made for this very listing; null for anything else. */
export function decodeCursor(scope: CursorScope, cursor: string): CursorPosition | null {
  const [payload, given, extra] = cursor.split('.');
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(scope, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const [value, id, mark] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
  if (typeof value !== 'string' || typeof id !== 'string') return null;
  if (mark === undefined) return { value, id };
  if (mark === FOLDER_MARK) return { value, id, isFolder: true };
  return Number.isInteger(mark) ? { value, id, rank: mark as number } : null;
}
