import { describe, expect, it } from 'vitest';
import { newTokenInput } from '@/lib/api/token-input';

// The new-token form's rule, written once in lib/: a name of 1 to 100 characters, at least one
// scope, and an expiry of 1 to 365 days (a number of days, or a day from tomorrow to a year on).

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const valid = { name: 'nightly report', scopes: ['files:write', 'shares:write'], expiry: '90' };
const errorsOf = (input: unknown) => {
  const parsed = newTokenInput.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the new token form', () => {
  it('takes a name, scopes and a number of days, 90 when none is given', () => {
    expect(newTokenInput.parse(valid)).toEqual({ name: 'nightly report', scopes: ['files:write', 'shares:write'], expiresInDays: 90 });
    expect(newTokenInput.parse({ name: 'ci', scopes: ['files:read'] }).expiresInDays).toBe(90);
    expect(newTokenInput.parse({ ...valid, expiry: '365' }).expiresInDays).toBe(365);
    expect(newTokenInput.parse({ ...valid, expiry: '1' }).expiresInDays).toBe(1);
  });

  it('refuses an expiry of 0 days, over a year, or not a number', () => {
    for (const expiry of ['0', '366', '-5', '1.5', 'soon']) expect(errorsOf({ ...valid, expiry }), expiry).toEqual(['expiry: settings.tokens.errors.expiryInvalid']);
  });

  it('turns a day into the days from today, from tomorrow to a year on', () => {
    expect(newTokenInput.parse({ ...valid, expiry: 'date', expiryDate: day(1) }).expiresInDays).toBe(1);
    expect(newTokenInput.parse({ ...valid, expiry: 'date', expiryDate: day(365) }).expiresInDays).toBe(365);
    for (const expiryDate of [day(0), day(-3), day(366), '', 'next week', undefined]) {
      expect(errorsOf({ ...valid, expiry: 'date', expiryDate }), String(expiryDate)).toEqual(['expiryDate: settings.tokens.errors.expiryInvalid']);
    }
  });

  it('needs at least one known scope', () => {
    expect(errorsOf({ ...valid, scopes: [] })).toEqual(['scopes: settings.tokens.errors.scopesRequired']);
    expect(errorsOf({ ...valid, scopes: ['files:read', 'admin'] })).toEqual(['scopes.1: settings.tokens.errors.scopesRequired']);
  });

  it('needs a name of 1 to 100 characters, trimmed and without control characters', () => {
    expect(errorsOf({ ...valid, name: '   ' })).toEqual(['name: settings.tokens.errors.nameRequired']);
    expect(errorsOf({ ...valid, name: 'x'.repeat(101) })).toEqual(['name: settings.tokens.errors.nameTooLong']);
    expect(newTokenInput.parse({ ...valid, name: ` ${'x'.repeat(100)}\u0007 ` }).name).toBe('x'.repeat(100));
  });
});
