import { expect, test } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/files/cursor';

const scope = { ownerId: 'user-b', folderId: null, query: '', sort: 'name', dir: 'asc' };

test('a files cursor carries its own position and is accepted only by the listing it was made for', () => {
  const cursor = encodeCursor(scope, { value: 'mango.txt', id: 'file123' });
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32}$/);
  expect(decodeCursor(scope, cursor)).toEqual({ value: 'mango.txt', id: 'file123' });

  for (const other of [{ ownerId: 'user-a' }, { folderId: 'folder1' }, { query: 'mango' }, { sort: 'size' }, { dir: 'desc' }]) {
    expect(decodeCursor({ ...scope, ...other }, cursor), JSON.stringify(other)).toBeNull();
  }
  // A changed position, a bare file id (the old cursor) and junk are refused.
  const [, mac] = cursor.split('.');
  const forged = `${Buffer.from(JSON.stringify(['a', 'file123'])).toString('base64url')}.${mac}`;
  for (const bad of [forged, 'file123', '', '..', `${cursor}.x`]) expect(decodeCursor(scope, bad), bad).toBeNull();
});
