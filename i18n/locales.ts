// The languages Handoff speaks, and how a request's language is chosen. Shared by server and
// browser code: no imports, no secrets.

export const LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language someone picked in the footer; wins over what their browser asks for. */
export const LOCALE_COOKIE = 'locale';

/** Each language named in itself, for the language select. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.5"), by
 * q-value and then by order; only the primary subtag counts. Null when none is acceptable.
 * The header is a stranger's input: malformed parts are skipped, and only the first 32 are read.
 */
export function negotiate(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const wanted = header
    .slice(0, 1000)
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const w of wanted) {
    if (w.language === '*') return DEFAULT_LOCALE;
    if (isLocale(w.language)) return w.language;
  }
  return null;
}

/** The picked language if it is one of ours, else the browser's best match, else English. */
export function chooseLocale(picked: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(picked)) return picked;
  return negotiate(acceptLanguage) ?? DEFAULT_LOCALE;
}
