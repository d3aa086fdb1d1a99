import { describe, expect, test } from 'vitest';
import { isEmailAllowed } from '@/lib/auth/allowlist';
import { attachmentDisposition } from '@/lib/storage/content-disposition';
import { formatBytes, parseBytes } from '@/lib/bytes';
import { createToken, hashToken, isWellFormedToken } from '@/lib/shares/token';
import { shareStatus } from '@/lib/shares/status';

describe('isEmailAllowed', () => {
  test('matches exact emails and @domains, case-insensitively', () => {
    const list = 'boss@corp.example, @team.example';
    expect(isEmailAllowed('Boss@Corp.example', list, true)).toBe(true);
    expect(isEmailAllowed('anyone@team.example', list, true)).toBe(true);
    expect(isEmailAllowed('anyone@evilteam.example', list, true)).toBe(false);
    expect(isEmailAllowed('x@team.example.evil', list, true)).toBe(false);
  });
  test('* lets anyone in; no list means open only outside production', () => {
    expect(isEmailAllowed('a@b.example', '*', true)).toBe(true);
    expect(isEmailAllowed('a@b.example', undefined, false)).toBe(true);
    expect(isEmailAllowed('a@b.example', undefined, true)).toBe(false);
    expect(isEmailAllowed(null, '*', false)).toBe(false);
  });
});

describe('attachmentDisposition', () => {
  test('gives an ASCII fallback and the UTF-8 name (RFC 6266 / 5987)', () => {
    expect(attachmentDisposition('Q3 report – final "v2".pdf')).toBe(
      `attachment; filename="Q3 report _ final _v2_.pdf"; filename*=UTF-8''Q3%20report%20%E2%80%93%20final%20%22v2%22.pdf`,
    );
    expect(attachmentDisposition("it's (1).txt")).toContain("filename*=UTF-8''it%27s%20%281%29.txt");
  });
});

describe('bytes', () => {
  test('parses sizes with units', () => {
    expect(parseBytes('5GB')).toBe(5e9);
    expect(parseBytes('2 GiB')).toBe(2 * 1024 ** 3);
    expect(parseBytes('1048576')).toBe(1048576);
    expect(parseBytes('lots')).toBeNull();
    expect(parseBytes('5 parsecs')).toBeNull();
  });
  test('formats for people', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
  });
  test('formatters are kept per language and unit: one size never comes out in another’s way', () => {
    const sizes = [formatBytes(1500, 'en'), formatBytes(1500, 'de'), formatBytes(1500, 'fr'), formatBytes(25_000, 'en')];
    expect(sizes.map((size) => size.replace(/\s/g, ' '))).toEqual(['1.5 kB', '1,5 kB', '1,5 ko', '25 kB']);
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
  });
});

describe('share tokens', () => {
  test('are 256-bit, URL-safe, distinct, and only their hash is stored', () => {
    const a = createToken();
    const b = createToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isWellFormedToken(`${a}x`)).toBe(false);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });
  test('status follows revocation, then expiry', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(shareStatus({ revokedAt: null, expiresAt: new Date('2026-01-02') }, now)).toBe('active');
    expect(shareStatus({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(shareStatus({ revokedAt: now, expiresAt: new Date('2027-01-01') }, now)).toBe('revoked');
  });
});

test('a locked database is recognised however it was wrapped', async () => {
  const { isDatabaseBusyError } = await import('@/lib/db-busy');
  const adapter = { name: 'DriverAdapterError', cause: { originalCode: 'SQLITE_BUSY', kind: 'SocketTimeout' } };
  // Prisma's raw query error (P2010), wrapped again by Auth.js as { cause: { err } }.
  const prisma = Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { driverAdapterError: adapter } });
  expect(isDatabaseBusyError(Object.assign(new Error('AccessDenied'), { cause: { err: prisma, ...{ clientVersion: '7' } } }))).toBe(true);
  const auth = Object.assign(new Error('AccessDenied'), { type: 'AccessDenied', kind: 'error', cause: { err: Object.assign(prisma, { clientVersion: '7.10.0' }) } });
  expect(isDatabaseBusyError(auth)).toBe(true);
  expect(isDatabaseBusyError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
  expect(isDatabaseBusyError(Object.assign(new Error('Unique'), { code: 'P2002', meta: { target: ['email'] } }))).toBe(false);
  expect(isDatabaseBusyError(new Error('plain'))).toBe(false);
});
