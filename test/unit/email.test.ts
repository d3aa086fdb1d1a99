import { describe, expect, test } from 'vitest';
import { checkEmail, parseEmailList } from '@/lib/validation/email';

describe('checkEmail', () => {
  test.each(['ana@example.com', 'first.last+tag@sub.example.co.uk', "o'neil@example.ie"])('accepts %s', (email) => {
    expect(checkEmail(email).ok).toBe(true);
  });

  test('lowercases the domain but keeps the local part', () => {
    expect(checkEmail(' Ana@Example.COM ')).toEqual({ ok: true, email: 'Ana@example.com' });
  });

  test.each([
    ['ana@example.com\r\nBcc: eve@evil.test', 'control'],
    ['ana@example.com\nbob@example.com', 'control'],
    ['"eve@evil.test"@example.com', 'quoted'],
    ['"ana"@example.com', 'quoted'],
    ['ana@evil.test@example.com', 'manyAt'],
    ['ana.example.com', 'noAt'],
    ['ana@localhost', 'domain'],
    ['.ana@example.com', 'local'],
    ['ana..b@example.com', 'local'],
    ['ana b@example.com', 'space'],
  ])('refuses %j (%s)', (email, reason) => {
    const result = checkEmail(email);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
});

describe('parseEmailList', () => {
  test('splits on commas, semicolons and lines, drops duplicates, reports each bad entry', () => {
    const { emails, errors } = parseEmailList('a@example.com, b@example.com;\r\na@example.com\nnot-an-email\n"q"@x.com');
    expect(emails).toEqual(['a@example.com', 'b@example.com']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toEqual({ key: 'shares.errors.listedAddress.noAt', values: { address: 'not-an-email' } });
  });

  test('an address with a bare CR inside is refused, not split', () => {
    const { emails, errors } = parseEmailList('a@example.com\rBcc: eve@evil.test');
    expect(emails).toEqual([]);
    expect(errors[0]?.key).toBe('shares.errors.listedAddress.control');
  });
});
