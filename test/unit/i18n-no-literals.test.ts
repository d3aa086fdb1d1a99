import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn, ROOT, sourceFiles } from '@/test/support/untranslated-text';

// Every text a person reads comes from the message catalogues (messages/<locale>/*.json):
// no page or component holds one of its own (test/support/untranslated-text.ts finds them).

// Files still being moved to the catalogues; this list only shrinks, and is empty when done.
const NOT_YET_TRANSLATED = new Set<string>([
  'app/(app)/layout.tsx',
  'app/(app)/not-found.tsx',
  'app/(app)/requests/page.tsx',
  'app/(app)/settings/security/page.tsx',
  'app/(app)/shares/[id]/page.tsx',
  'app/(app)/shares/page.tsx',
  'app/(auth)/signin/check-email/page.tsx',
  'app/(auth)/signin/page.tsx',
  'app/(auth)/signin/second-factor/page.tsx',
  'app/(auth)/signin/signin-form.tsx',
  'app/error.tsx',
  'app/global-error.tsx',
  'app/not-found.tsx',
  'app/r/[token]/not-found.tsx',
  'app/r/[token]/page.tsx',
  'app/s/[token]/not-found.tsx',
  'app/s/[token]/page.tsx',
  'components/auth/code-form.tsx',
  'components/auth/passkey-sign-in.tsx',
  'components/auth/second-factor-forms.tsx',
  'components/preview/preview-dialog.tsx',
  'components/preview/share-preview-button.tsx',
  'components/preview/text-preview.tsx',
  'components/request-page/request-upload.tsx',
  'components/requests/request-actions.tsx',
  'components/requests/request-dialog.tsx',
  'components/security/passkey-settings.tsx',
  'components/security/recovery-code-settings.tsx',
  'components/security/totp-settings.tsx',
  'components/share-page/download-all.tsx',
  'components/shares/add-recipients-form.tsx',
  'components/shares/recipient-actions.tsx',
  'components/shares/revoke-button.tsx',
  'components/shares/settings-form.tsx',
  'components/shares/share-created.tsx',
  'components/shares/share-dialog.tsx',
  'components/shares/user-agent-label.tsx',
  'components/ui/account-menu.tsx',
  'components/ui/copy-button.tsx',
  'components/ui/dialog-buttons.tsx',
  'components/ui/dialog.tsx',
  'components/ui/unlock-form.tsx',
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
