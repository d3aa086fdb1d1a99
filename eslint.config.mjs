// ESLint (flat config): Next.js's rules (core web vitals + TypeScript), typed rules for .ts/.tsx
// through typescript-eslint's project service, and jsx-a11y's recommended set. `npm run lint`.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default defineConfig([
  globalIgnores(['lib/generated/**', '.next/**', 'node_modules/**', 'playwright-report/**', 'blob-report/**', 'test-results/**', '.data/**', 'next-env.d.ts', 'public/zip-sw.js']),
  ...nextVitals,
  ...nextTypescript,
  // eslint-config-next registers the jsx-a11y plugin already (with a few of its rules): only the rules here.
  { name: 'jsx-a11y/recommended', rules: jsxA11y.flatConfigs.recommended.rules },
  {
    name: 'handoff/typed',
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Attributes too: a promise handed to onClick would reject unseen, so handlers say `void` where they
      // start work that reports its own outcome.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  {
    name: 'handoff/rules',
    rules: {
      // Leaving out a field by destructuring it beside `...rest` is how we drop fields from rows.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Images are short-lived presigned bucket URLs (and one data: QR code): next/image's optimizer
      // would fetch and cache them on the app server, outliving the links' expiry.
      '@next/next/no-img-element': 'off',
      // autoFocus is used only to put focus in a dialog's first field as it opens (WAI-ARIA dialog pattern).
      'jsx-a11y/no-autofocus': 'off',
      // The only media are previews of users' own files, which come with no caption tracks.
      'jsx-a11y/media-has-caption': 'off',
      // It takes Date.now() in upload-panel's async upload function, which only events run, for a call during render.
      'react-hooks/purity': 'off',
      // Browser-only state (unfinished uploads in localStorage) can only be read after hydration, in an effect.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    name: 'handoff/not-react',
    files: ['e2e/**', 'test/**', 'scripts/**'],
    rules: {
      // Playwright's fixtures call `use(...)`, which is not React's `use`.
      'react-hooks/rules-of-hooks': 'off',
      // A rule for modules Next bundles; scripts run in plain Node.
      '@next/next/no-assign-module-variable': 'off',
    },
  },
  {
    name: 'handoff/commonjs',
    files: ['next.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    // Next loads next.config.js as CommonJS.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]);
