import { describe, expect, it } from 'vitest';
import { chooseLocale, negotiate } from '@/i18n/locales';
import { formatBytes } from '@/lib/bytes';
import { UserError } from '@/lib/actions/user-error';

describe('choosing the language of a request', () => {
  it('takes the best language we speak from Accept-Language, by weight and then order', () => {
    expect(negotiate('de-CH,de;q=0.9,en;q=0.5')).toBe('de');
    expect(negotiate('ja,fr-CA;q=0.8,es;q=0.9')).toBe('es');
    expect(negotiate('pt-BR, fr;q=0.3, en;q=0.3')).toBe('fr');
    expect(negotiate('en-US')).toBe('en');
  });

  it('ignores languages refused with q=0, malformed parts and languages we do not speak', () => {
    expect(negotiate('de;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiate('ja, zh-Hant')).toBeNull();
    expect(negotiate(';;;,,q=1,de;q=abc')).toBe('de');
    expect(negotiate('')).toBeNull();
    expect(negotiate(`${'x,'.repeat(5000)}es`)).toBeNull(); // only the first parts of a huge header are read
  });

  it('prefers the language picked in the footer, and falls back to English', () => {
    expect(chooseLocale('fr', 'de')).toBe('fr');
    expect(chooseLocale('xx', 'es-MX')).toBe('es');
    expect(chooseLocale(undefined, 'ja')).toBe('en');
  });
});

describe('sizes in each language', () => {
  it('writes decimal sizes with the language’s separator and unit', () => {
    expect(formatBytes(1500, 'de')).toBe('1,5 kB');
    expect(formatBytes(1_500_000, 'fr').replace(/\s/g, ' ')).toBe('1,5 Mo');
    expect(formatBytes(250_000_000, 'es')).toBe('250 MB');
    expect(formatBytes(512, 'fr').replace(/\s/g, ' ')).toBe('512 o');
  });
});

describe('errors for people', () => {
  it('carry a message key that reads in each language, and English in the log', () => {
    const error = new UserError('common.errors.databaseBusy');
    expect(error.message).toMatch(/database is busy/);
    expect(error.in('de')).toMatch(/Datenbank/);
    expect(error.in('fr')).toMatch(/base de données/);
    expect(error.in('es')).toMatch(/base de datos/);
  });
});
