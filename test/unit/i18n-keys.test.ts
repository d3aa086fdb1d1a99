import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/i18n/messages';

// Message keys written as plain strings (schema messages, keys chosen at run time, codes mapped to
// keys) escape the type check that t() gets: every such string must name an English message.

const ROOT = join(__dirname, '../..');
const PARTS = Object.keys(MESSAGES.en).join('|');
const KEY = new RegExp(`['"\`]((?:${PARTS})\\.[A-Za-z0-9_.]+)['"\`]`, 'g');

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), MESSAGES.en);
}

describe('message keys in code', () => {
  it('each name a message of the English catalogue', () => {
    const missing: string[] = [];
    for (const file of ['app', 'components', 'lib', 'i18n'].flatMap((dir) => codeFiles(join(ROOT, dir)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(KEY)) {
        // A key ending in "." is a prefix completed at run time (`files.kinds.${code}`).
        const key = match[1]!;
        if (key.endsWith('.')) continue;
        if (typeof lookup(key) !== 'string' && typeof lookup(key) !== 'object') missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
