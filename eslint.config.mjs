// Code rules. Module boundaries and cycles are checked by dependency-cruiser
// (.dependency-cruiser.cjs); `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'admin/dist/**', 'apps/storefront/dist/**', 'coverage/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@kassa/*/*'], message: 'Import another lib only through @kassa/<lib>.' }] },
      ],
    },
  },
  {
    // Jest specs may use `any` for raw HTTP bodies.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}', 'apps/storefront/src/**/*.ts', 'test/browser/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
