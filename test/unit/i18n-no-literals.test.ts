import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn, ROOT, sourceFiles } from '@/test/support/untranslated-text';

// Every text a person reads comes from the message catalogues (messages/<locale>/*.json):
// no page or component holds one of its own (test/support/untranslated-text.ts finds them).

describe('user-visible text', () => {
  const files = [...sourceFiles(join(ROOT, 'app')), ...sourceFiles(join(ROOT, 'components'))];

  it('comes from the message catalogues, not from string literals in components', () => {
    const literals = files.flatMap(literalsIn);
    expect(literals).toEqual([]);
  });

  it('finds a text written straight into a component (the check itself works)', () => {
    const probe = join(ROOT, 'test/unit/fixtures/untranslated.tsx');
    expect(literalsIn(probe)).toHaveLength(4);
  });
});
