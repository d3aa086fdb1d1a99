import { numberFormat } from '@/lib/intl-formats';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** "5GB", "500 MiB", "1048576" → bytes; null when it is not a size. */
export function parseBytes(input: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(input);
  if (!match) return null;
  const unit = UNITS[(match[2] || 'b').toLowerCase()];
  if (!unit) return null;
  return Math.floor(Number(match[1]) * unit);
}

const SIZE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.5 MB", "1,5 Mo": decimal units, written the reader's way. */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (bytes < 1000) {
    // Intl writes bytes as "5 byte" in English: keep the symbol every file manager shows.
    const symbol = locale === 'fr' ? 'o' : 'B';
    return `${numberFormat(locale).format(bytes)} ${symbol}`;
  }
  let value = bytes;
  let unit: (typeof SIZE_UNITS)[number] = 'kilobyte';
  for (const next of SIZE_UNITS) {
    value = value / 1000;
    unit = next;
    if (value < 1000) break;
  }
  const digits = value < 10 ? 1 : 0;
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
