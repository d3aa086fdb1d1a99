import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';

// Every language has every message, each a non-empty text with the same placeholders ({name},
// {count, plural, ...}) and tags (<b>...</b>) as the English one, and no part of the app is left
// in English under another language's name.

type Tree = { [key: string]: string | Tree };
const DIR = join(__dirname, '../../messages');

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function catalogue(locale: string): Map<string, string> {
  const tree: Tree = {};
  for (const file of readdirSync(join(DIR, locale)).filter((f) => f.endsWith('.json'))) {
    tree[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(DIR, locale, file), 'utf8'));
  }
  return flatten(tree);
}

/** The argument and tag names of an ICU message, sorted: what must match across languages. */
function slots(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.tag) {
        found.add(`<${e.value}>`);
        walk(e.children);
      } else if (e.type !== TYPE.literal && e.type !== TYPE.pound) {
        found.add(`{${e.value}}`);
        if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

// Words that are the same in a language as in English (names, symbols, loanwords).
const SAME_AS_ENGLISH =
  /^(Handoff|OK|PDF|CSV|ZIP|Markdown|E-?Mail|Email|Passkeys?|Code|Status|Design|Version|Total|Type|Info|Image|Audio|Video|Texte?|Documents?|Archive|Source|Bucket|Region|Notes?|Message|Menu|Actions?|Options?|Expiration|Minutes?|Name|Navigation|Normal|System|Dashboard|Link|Links|[^A-Za-z]*|\{[^}]*\}.*)$/i;

describe('message catalogues', () => {
  const english = catalogue('en');

  it('has English messages', () => {
    expect(english.size).toBeGreaterThan(5);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const other = catalogue(locale);

      it('has every English message and nothing more', () => {
        expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
        expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
      });

      it('keeps each message’s placeholders and tags', () => {
        const wrong = [...english].filter(([key, text]) => other.has(key) && slots(text).join() !== slots(other.get(key)!).join());
        expect(wrong.map(([key]) => key)).toEqual([]);
      });

      it('is translated, not copied from English', () => {
        const copied = [...english].filter(([key, text]) => other.get(key) === text && !SAME_AS_ENGLISH.test(text));
        expect(copied.map(([key]) => key)).toEqual([]);
      });
    });
  }

  it('has only messages that parse', () => {
    for (const locale of LOCALES) {
      const broken = [...catalogue(locale)].filter(([, text]) => {
        try {
          parse(text);
          return false;
        } catch {
          return true;
        }
      });
      expect(broken.map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('has no empty message in any language', () => {
    for (const locale of LOCALES) {
      const empty = [...catalogue(locale)].filter(([, text]) => text.trim() === '').map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });
});
