// Lint: typescript-eslint's strict, type-checked rules, and the fences between the pipeline's stages as rules, so that
// an import cycle, a library imported outside the stage that owns it, or a reach into another stage's files fails
// `npm run lint`. docs/architecture.md lists the stages and these rules.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Each library, and the folders of src/ that may import it. */
const OWNERS = {
  pdfkit: ['pdf', 'layout'],
  'svg-to-pdfkit': ['layout'],
  fontkit: ['fonts', 'layout', 'charts'],
  vega: ['charts'],
  'vega-lite': ['charts'],
  'vega-interpreter': ['charts'],
  '@resvg/resvg-wasm': ['charts'],
  'jsonc-parser': ['charts'],
  piscina: ['charts'],
  handlebars: ['template'],
  'mdast-util-*': ['markup'],
  'micromark-*': ['markup'],
  retext: ['markup'],
  'retext-*': ['markup'],
  ajv: ['input'],
  'ajv/*': ['input'],
  'pdfjs-dist': ['pdf'],
  'pdfjs-dist/*': ['pdf'],
  chokidar: ['cli'],
  'write-file-atomic': ['output'],
};

/**
 * The stages: another folder may import a stage only through its `index.ts` (and its `types.ts`), never its other
 * files. The folders not listed (input, text, units, fonts, theme, locale) are shared services whose files are public.
 */
const STAGES = ['analysis', 'dataset', 'template', 'markup', 'charts', 'layout', 'pdf', 'extract', 'exports', 'output', 'cli'];

const FOLDERS = [...new Set(Object.values(OWNERS).flat().concat(STAGES))];

/** The import restrictions for the files of one folder of src/ (or of src/ itself, `folder` undefined). */
function fencesFor(folder) {
  const libraries = Object.entries(OWNERS)
    .filter(([, owners]) => !owners.includes(folder))
    .map(([name, owners]) => ({ group: [name], message: `only src/${owners.join('/, src/')}/ may import ${name}` }));
  const stages = STAGES.filter((stage) => stage !== folder).map((stage) => ({
    group: [`**/${stage}/*`, `!**/${stage}/index.js`, `!**/${stage}/types.js`],
    message: `import the ${stage} stage through src/${stage}/index.ts (or its types.ts), not its other files`,
  }));
  return { 'no-restricted-imports': ['error', { patterns: [...libraries, ...stages] }] };
}

export default tseslint.config(
  { ignores: ['src/input/validators.ts', 'dist/', 'dist-check/', 'node_modules/', 'output/', 'coverage/', 'tests/', 'scripts/', '**/*.mjs', '*.config.ts', '*.config.js'] },
  ...tseslint.configs.strictTypeChecked,
  importX.flatConfigs.typescript,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      // Numbers and booleans print as they should in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // With noUncheckedIndexedAccess every index is possibly undefined; `!` marks the places where it cannot be.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A name starting with "_" is left out on purpose (`const { out: _out, ...rest } = options`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Every command's run() and every callback of a kind keep one async signature, awaiting or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['src/*.ts'], rules: fencesFor(undefined) },
  ...FOLDERS.map((folder) => ({ files: [`src/${folder}/**/*.ts`], rules: fencesFor(folder) })),
  ...['input', 'text', 'units', 'theme', 'locale', 'types', 'bench'].filter((f) => !FOLDERS.includes(f)).map((folder) => ({ files: [`src/${folder}/**/*.ts`], rules: fencesFor(folder) })),
);
