import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './scripts/lib/import-boundaries.js';

export default [
  { ignores: ['dist/', 'dist.*/', '.astro/', '.build-tmp/', 'node_modules/', 'public/', 'bench-out/'] },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Which folder of src/ may import which (docs/architecture.md), and explicit extensions everywhere.
  ...importBoundaries(),
];
