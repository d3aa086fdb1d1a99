import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn, ROOT, sourceFiles } from '@/test/support/untranslated-text';

// Every text a person reads comes from the message catalogues (messages/<locale>/*.json):
// no page or component holds one of its own (test/support/untranslated-text.ts finds them).

// Files still being moved to the catalogues; this list only shrinks, and is empty when done.
const NOT_YET_TRANSLATED = new Set<string>([
  'app/(app)/files/page.tsx',
  'components/files/delete-dialog.tsx',
  'components/files/direct-link-dialog.tsx',
  'components/files/file-kind.tsx',
  'components/files/file-table.tsx',
  'components/files/folder-rule-dialog.tsx',
  'components/files/item-actions.tsx',
  'components/files/new-folder-button.tsx',
  'components/files/rename-dialog.tsx',
  'components/files/select-all.tsx',
  'components/files/selection-bar.tsx',
  'components/files/upload-panel.tsx',
]);

describe('user-visible text', () => {
  const files = [...sourceFiles(join(ROOT, 'app')), ...sourceFiles(join(ROOT, 'components'))];

  it('comes from the message catalogues, not from string literals in components', () => {
    const literals = files.filter((f) => !NOT_YET_TRANSLATED.has(relative(ROOT, f))).flatMap(literalsIn);
    expect(literals).toEqual([]);
  });

  it('finds a text written straight into a component (the check itself works)', () => {
    const probe = join(ROOT, 'test/unit/fixtures/untranslated.tsx');
    expect(literalsIn(probe)).toHaveLength(4);
  });
});
