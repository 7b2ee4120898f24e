import tseslint from 'typescript-eslint';
import { layersRule } from './tools/eslint/layers.js';

export default tseslint.config(
  { ignores: ['assembly/**', 'dist/**', 'node_modules/**', 'reports/**', 'coverage/**', 'bench/.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { specml: { rules: { layers: layersRule } } },
    rules: {
      'specml/layers': 'error',
      // Randomness is an explicit, seeded argument (STYLE.md §16): use core/rng.
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a seeded Rng from core/rng (STYLE.md §16).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
