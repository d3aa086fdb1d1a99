import { describe, expect, test } from 'vitest';
import { detourFor, safeCallback, stageOf } from '@/lib/auth/stage';

describe('stageOf', () => {
  test('a user with a second factor is signed in only once this session gave it', () => {
    expect(stageOf(true, false, false)).toBe('second-factor');
    expect(stageOf(true, false, true)).toBe('second-factor');
    expect(stageOf(true, true, true)).toBe('signed-in');
  });
  test('a user without one is signed in, unless one is required of everyone', () => {
    expect(stageOf(false, false, false)).toBe('signed-in');
    expect(stageOf(false, false, true)).toBe('set-up-second-factor');
    expect(stageOf(false, true, true)).toBe('set-up-second-factor');
  });
});

describe('detourFor', () => {
  test('sends each stage to the page that helps it on, and back afterwards', () => {
    expect(detourFor(null, '/files?folder=a')).toBe('/signin?callbackUrl=%2Ffiles%3Ffolder%3Da');
    expect(detourFor('second-factor', '/shares')).toBe('/signin/second-factor?callbackUrl=%2Fshares');
    expect(detourFor('set-up-second-factor', '/files')).toBe('/settings/security');
    expect(detourFor('set-up-second-factor', '/settings/security')).toBeNull();
    expect(detourFor('set-up-second-factor', '/settings/securityx')).toBe('/settings/security');
    expect(detourFor('signed-in', '/files')).toBeNull();
  });
});

describe('safeCallback', () => {
  test('keeps same-site paths and nothing else', () => {
    expect(safeCallback('/shares/abc?x=1')).toBe('/shares/abc?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', 'files', undefined, 42]) {
      expect(safeCallback(bad)).toBe('/files');
    }
  });
  test('never sends anyone back to a sign-in page', () => {
    expect(safeCallback('/signin')).toBe('/files');
    expect(safeCallback('/signin/second-factor?callbackUrl=%2Ffiles')).toBe('/files');
    expect(safeCallback('/signinfo')).toBe('/signinfo');
  });
});
