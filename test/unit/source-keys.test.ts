// Every path a person sends into a storage source goes through keyUnder: what it refuses, and
// what it lets through, decides whether anyone can reach a key outside what is mounted for them.
import { describe, expect, test } from 'vitest';
import { globMatches, keyUnder, mountPrefix, pathUnder, prefixProblem } from '@/lib/sources/keys';

const ana = { id: 'cuid-ana', email: 'Ana@Client.example' };

describe('mounts', () => {
  test('placeholders give each person their own prefix', () => {
    expect(mountPrefix('clients/{email}/', ana)).toBe('clients/ana@client.example/');
    expect(mountPrefix('home/{userId}/reports/', ana)).toBe('home/cuid-ana/reports/');
    expect(mountPrefix('', ana)).toBe('');
  });

  test('an email that could climb out of the prefix mounts nothing', () => {
    expect(mountPrefix('clients/{email}/', { id: 'x', email: '../admin' })).toBeNull();
    expect(mountPrefix('clients/{email}/', { id: 'x', email: 'a/b@c.d' })).toBeNull();
    expect(mountPrefix('clients/{email}/', { id: 'x', email: '..' })).toBeNull();
  });

  test('prefixes an admin writes must be whole folders of safe names', () => {
    expect(prefixProblem('')).toBeNull();
    expect(prefixProblem('clients/{email}/')).toBeNull();
    expect(prefixProblem('clients')).toBe('empty');
    expect(prefixProblem('a//b/')).toBe('empty');
    expect(prefixProblem('a/../b/')).toBe('dots');
  });
});

describe('keys under a mount', () => {
  const mount = 'clients/ana@client.example/';

  test('plain paths become keys under the mount, folders keep their "/"', () => {
    expect(keyUnder(mount, '2026/q3 report.pdf')).toEqual({ key: `${mount}2026/q3 report.pdf` });
    expect(keyUnder(mount, '2026/')).toEqual({ key: `${mount}2026/` });
    expect(keyUnder(mount, 'Übersicht (final).xlsx')).toEqual({ key: `${mount}Übersicht (final).xlsx` });
    expect(keyUnder(mount, 'ＡＢＣ報告.pdf')).toEqual({ key: `${mount}ＡＢＣ報告.pdf` }); // fullwidth letters are names, not separators
  });

  test.each([
    ['..', 'dots'],
    ['../bob@client.example/q3.pdf', 'dots'],
    ['2026/../../bob/q3.pdf', 'dots'],
    ['./q3.pdf', 'dots'],
    ['2026//q3.pdf', 'empty'],
    ['/etc/passwd', 'empty'],
    ['//', 'empty'],
    ['%2e%2e/bob/q3.pdf', 'encoded'],
    ['..%2fbob/q3.pdf', 'encoded'],
    ['%2E%2E%2F', 'encoded'],
    ['\u2025/bob/q3.pdf', 'lookalike'], // TWO DOT LEADER, which NFKC turns into ".."
    ['\uFF0E\uFF0E/bob/q3.pdf', 'lookalike'], // fullwidth full stops
    ['a\uFF0Fb.pdf', 'lookalike'], // FULLWIDTH SOLIDUS
    ['a\u2215b.pdf', 'lookalike'], // DIVISION SLASH
    ['a\u2044b.pdf', 'lookalike'], // FRACTION SLASH
    ['..\\bob\\q3.pdf', 'backslash'],
    ['q3\u0000.pdf', 'control'],
    ['q3\u202Efdp.exe', 'control'],
  ])('refuses %j (%s)', (path, reason) => {
    expect(keyUnder(mount, path)).toEqual({ refused: reason });
  });

  test('a key longer than S3 allows (1,024 bytes, counted in UTF-8) is refused', () => {
    const room = 1024 - Buffer.byteLength(mount);
    expect(keyUnder(mount, 'a'.repeat(room))).toEqual({ key: mount + 'a'.repeat(room) });
    expect(keyUnder(mount, 'a'.repeat(room + 1))).toEqual({ refused: 'tooLong' });
    expect(keyUnder(mount, 'é'.repeat(Math.ceil(room / 2) + 1))).toEqual({ refused: 'tooLong' });
  });

  test('keys the bucket lists map back to paths only when they are under the mount and reachable', () => {
    expect(pathUnder(mount, `${mount}2026/q3.pdf`)).toBe('2026/q3.pdf');
    expect(pathUnder(mount, `${mount}2026/`)).toBe('2026/');
    expect(pathUnder(mount, 'clients/bob@client.example/q3.pdf')).toBeNull();
    expect(pathUnder(mount, `${mount}../x.pdf`)).toBeNull();
    expect(pathUnder(mount, mount)).toBeNull();
  });
});

test('globs match names, "*" and "?" only, case-insensitively', () => {
  expect(globMatches('*.pdf', 'Q3 Report.PDF')).toBe(true);
  expect(globMatches('*.pdf', 'q3.pdf.exe')).toBe(false);
  expect(globMatches('report-????.csv', 'report-2026.csv')).toBe(true);
  expect(globMatches('report-????.csv', 'report-26.csv')).toBe(false);
  expect(globMatches('a+b(1).txt', 'a+b(1).txt')).toBe(true);
});
