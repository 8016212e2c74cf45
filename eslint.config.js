// Lint: typescript-eslint's strict, type-checked rules, and the fences between the pipeline's stages as rules, so that
// a cycle or a library imported outside its stage fails `npm run lint` (docs/architecture.md lists the fences).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['dist/', 'dist-check/', 'node_modules/', 'output/', 'coverage/', '**/*.mjs', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.strictTypeChecked,
  importX.flatConfigs.typescript,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      // Numbers and booleans print as they should in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // With noUncheckedIndexedAccess every index is possibly undefined; `!` marks the places where it cannot be.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
);
