// One order for names everywhere: case-insensitive, accents beside their base letter, numbers in
// numeric order ("file 2" before "file 10"). The database orders by the stored key
// (File.sortName, Folder.sortName) compared byte by byte; lists sorted in memory compare the same
// keys in the same order (compareSortKeys). So a keyset-paged list and an in-memory one agree, and
// byte order works the same on SQLite and on PostgreSQL (COLLATE "C").

/** Below every character a stored name can hold: names lose their control characters (lib/validation/names.ts). */
const TIE_BREAK = '\u0001';
/** Keys stay small enough for a PostgreSQL index entry; past this, the original name decides. */
const MAX_FOLDED_CODE_POINTS = 256;

/** Letters that Unicode does not decompose but readers file beside a base letter. */
const LETTER_FOLDS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ς: 'σ' };
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * The key a name sorts by: folded (compatibility forms, accents and case), digit runs made
 * comparable as numbers, then the name itself, so names that fold alike still have one order.
 */
export function nameSortKey(name: string): string {
  const natural = foldName(name).replace(/[0-9]+/g, encodeNumber);
  return `${Array.from(natural).slice(0, MAX_FOLDED_CODE_POINTS).join('')}${TIE_BREAK}${name}`;
}

/** A name as readers compare it: compatibility forms unfolded, accents dropped, case folded. */
export function foldName(name: string): string {
  // Upper then lower case folds ß to ss and ı to i. Case mapping can add marks (İ becomes i and
  // a dot above), so the marks go after it.
  return name
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/**
 * A digit run as text that sorts as its number: leading zeros dropped, then prefixed by its
 * length, itself prefixed by the length of that ("7" -> "117", "10" -> "1210", a 300-digit run
 * -> "3300…"). Any length works, and the key starts with a digit, so numbers still sort between
 * punctuation and letters.
 */
function encodeNumber(digits: string): string {
  const significant = digits.replace(/^0+(?=\d)/, '');
  const length = String(significant.length);
  return `${length.length}${length}${significant}`;
}

/** Orders keys as the database does (UTF-8 bytes, i.e. code points), not as UTF-16 units. */
export function compareSortKeys(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// UTF-16 puts surrogates (characters past U+FFFF) below U+E000-U+FFFF; code point order puts
// them above. Moving the two ranges past each other fixes that.
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * Items in name order, for lists sorted in memory. Each item gives a list of names (a folder
 * path, then a file name): compared one by one, and a shorter list (a parent) comes first.
 */
export function sortByNames<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): T[] {
  const keyed = items.map((item) => ({ item, keys: namesOf(item).map(nameSortKey) }));
  keyed.sort((a, b) => compareKeyLists(a.keys, b.keys));
  return keyed.map(({ item }) => item);
}

function compareKeyLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareSortKeys(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
