// The one rule names sort by (lib/names/sort-key.ts): what people expect to read, and an order
// the database can keep by comparing stored keys byte by byte.
import { expect, test } from 'vitest';
import { compareSortKeys, nameSortKey, sortByNames } from '@/lib/names/sort-key';

const sorted = (names: string[]) => sortByNames(names, (name) => [name]);
/** Byte order of the keys in UTF-8: what SQLite (BINARY) and PostgreSQL (COLLATE "C") compare. */
const byteOrdered = (names: string[]) => [...names].sort((a, b) => Buffer.compare(Buffer.from(nameSortKey(a)), Buffer.from(nameSortKey(b))));
const shuffled = (names: string[]) => [...names].reverse();

test('case does not matter, and accents sit beside their base letter', () => {
  const expected = ['apple.txt', 'Daten.csv', 'données été.csv', 'Éclair.md', 'eclairs.md', 'file.txt', 'Zebra.txt'];
  expect(sorted(shuffled(expected))).toEqual(expected);
  expect(sorted(['Ångström', 'Ant', 'angle', 'Zulu'])).toEqual(['angle', 'Ångström', 'Ant', 'Zulu']);
  // Letters Unicode does not split up, and special cases of case.
  expect(sorted(['Strasse 2', 'Straße 1', 'strasse 3'])).toEqual(['Straße 1', 'Strasse 2', 'strasse 3']);
  expect(sorted(['ıb', 'İc', 'ia', 'id'])).toEqual(['ia', 'ıb', 'İc', 'id']);
  expect(sorted(['Oz', 'Øl', 'Æble', 'Ag'])).toEqual(['Æble', 'Ag', 'Øl', 'Oz']);
  // Compatibility forms (full-width, ligatures) sort as what they stand for.
  expect(sorted(['file 3', 'Ｆｉｌｅ ２', 'ﬁle 1'])).toEqual(['ﬁle 1', 'Ｆｉｌｅ ２', 'file 3']);
});

test('names that differ only in case or accents still have one order', () => {
  const twins = ['resume.pdf', 'Résumé.pdf', 'RESUME.pdf', 'résumé.pdf'];
  const once = ['RESUME.pdf', 'Résumé.pdf', 'resume.pdf', 'résumé.pdf'];
  expect(sorted(twins)).toEqual(once);
  expect(sorted(shuffled(twins))).toEqual(once);
  expect(new Set(twins.map(nameSortKey)).size).toBe(4);
});

test('numbers sort by value: leading zeros, long runs and numbers past what a float holds', () => {
  expect(sorted(['file 10.txt', 'file 2.txt', 'file 1.txt', 'file 100.txt'])).toEqual(['file 1.txt', 'file 2.txt', 'file 10.txt', 'file 100.txt']);
  expect(sorted(['v1.10', 'v1.9', 'v1.10.1', 'v2'])).toEqual(['v1.9', 'v1.10', 'v1.10.1', 'v2']);
  // Equal numbers: the names themselves decide.
  expect(sorted(['file 8', 'file 007', 'file 7', 'file 0', 'file 00'])).toEqual(['file 0', 'file 00', 'file 007', 'file 7', 'file 8']);
  const big = ['20000000000000000002', '20000000000000000001', '3'];
  expect(sorted(big)).toEqual(['3', '20000000000000000001', '20000000000000000002']);
  const long = ['1' + '0'.repeat(300), '9'.repeat(300), '9'.repeat(299), '0'.repeat(250) + '5'];
  expect(sorted(long)).toEqual(['0'.repeat(250) + '5', '9'.repeat(299), '9'.repeat(300), '1' + '0'.repeat(300)]);
  // Numbers come after spaces and punctuation and before letters.
  expect(sorted(['a b', 'a1', 'ab', 'a-b'])).toEqual(['a b', 'a-b', 'a1', 'ab']);
});

test('a name without an extension comes before the same name with one', () => {
  expect(sorted(['README.md', 'README', 'readme.txt', 'README.'])).toEqual(['README', 'README.', 'README.md', 'readme.txt']);
  expect(sorted(['archive.tar.gz', 'archive', 'archive.tar', 'archive 2'])).toEqual(['archive', 'archive 2', 'archive.tar', 'archive.tar.gz']);
});

test('scripts keep their letters in order, accents folded in each', () => {
  const names = ['Ωmega', 'αμ', 'Άλφα', 'Яблоко', 'Ель', 'Ёж', 'еда', '東京', 'Zebra', '𝒜stral'];
  expect(sorted(names)).toEqual(['𝒜stral', 'Zebra', 'Άλφα', 'αμ', 'Ωmega', 'еда', 'Ёж', 'Ель', 'Яблоко', '東京']);
});

test('in-memory order is the database order: keys compare by code point, not by UTF-16 unit', () => {
  // U+FF01 is above every UTF-16 surrogate, but below U+1F600 in code points and in UTF-8.
  expect(compareSortKeys('\uFF01', '\u{1F600}')).toBeLessThan(0);
  expect('\uFF01' < '\u{1F600}').toBe(false);
  const names = ['\u{1F600} party', '！ bang', 'Ω', '\uE000 private', 'file 2', 'file 10', 'Zebra', 'apple', 'données été', '\u{20000}', 'ﬃ'];
  expect(sorted(names)).toEqual(byteOrdered(names));
});

test('keys stay small for any name, and never empty', () => {
  const ligatures = '\uFDFA'.repeat(255); // each expands to 18 characters
  expect(Array.from(nameSortKey(ligatures)).length).toBeLessThanOrEqual(256 + 1 + 255);
  expect(nameSortKey('\u0301')).not.toBe('');
  // Long names that agree past the folded part are told apart by the names themselves.
  const a = 'x'.repeat(300) + 'a';
  const b = 'x'.repeat(300) + 'b';
  expect(sorted([b, a])).toEqual([a, b]);
});

test('a list of names compares name by name, a parent before what is in it', () => {
  const paths = [['Photos 10'], ['Photos 2', 'beach'], ['Photos 2'], ['photos 2', 'Alps'], ['Archive']];
  expect(sortByNames(paths, (p) => p)).toEqual([['Archive'], ['Photos 2'], ['Photos 2', 'beach'], ['photos 2', 'Alps'], ['Photos 10']]);
});
