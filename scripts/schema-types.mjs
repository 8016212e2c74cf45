#!/usr/bin/env node
// Writes the TypeScript types of the files a user writes, generated from their JSON Schemas (schema/*.schema.json),
// so that the schemas are the one source of their shapes: src/dataset/files.ts (the dataset's files), src/theme/file.ts
// (theme.yaml) and src/locale/file.ts (locales/*.yaml). `--check` fails, saying so, when a file is not what the schemas give.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
const schemaDir = join(root, 'schema');
export const FILES = ['review', 'sources', 'metrics', 'claims', 'events', 'partnerships', 'people', 'narrative'];

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase());

export async function generateDataset() {
  // One compilation over every file's schema, so that the definitions they share are declared once.
  const all = {
    title: 'DatasetFiles',
    type: 'object',
    additionalProperties: false,
    required: FILES,
    properties: Object.fromEntries(FILES.map((name) => [name, { $ref: `${name}.schema.json` }])),
  };
  const ts = await compile(all, 'DatasetFiles', {
    cwd: schemaDir,
    bannerComment: '',
    additionalProperties: false,
    declareExternallyReferenced: true,
    format: false,
    strictIndexSignatures: false,
    // A file's root type is named after the file ("sources.schema.json" → SourcesFile), not its long title.
    customName: (node) => (typeof node.$id === 'string' && node.$id.endsWith('.schema.json') ? `${pascal(node.$id.replace(/^.*\//, '').slice(0, -'.schema.json'.length))}File` : undefined),
  });
  return `// Generated from schema/*.schema.json by scripts/schema-types.mjs (npm run schema-types): do not edit. The schemas\n// are the one source of the dataset files' shapes; src/dataset/types.ts builds the Dataset's types from these.\n\n${ts.trim()}\n`;
}

/** The type of the file one schema describes (`theme` → ThemeFile); `uses` names the module that builds on it. */
async function generateOne(name, uses) {
  const schema = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));
  const title = `${pascal(name)}File`;
  const ts = await compile({ ...schema, title }, title, { cwd: schemaDir, bannerComment: '', additionalProperties: false, format: false, strictIndexSignatures: false });
  return `// Generated from schema/${name}.schema.json by scripts/schema-types.mjs (npm run schema-types): do not edit. The\n// schema is the one source of the ${name}'s shape; ${uses}.\n\n${ts.trim()}\n`;
}

/** Each generated file, by its path from the package's root. */
export async function generate() {
  return {
    'src/dataset/files.ts': await generateDataset(),
    // theme.yaml's type: every key optional, as a theme file of the user's gives only what it changes.
    'src/theme/file.ts': await generateOne('theme', "src/theme/index.ts builds the complete Theme's type from this"),
    'src/locale/file.ts': await generateOne('locale', 'src/locale/index.ts reads its texts as this'),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, text] of Object.entries(await generate())) {
    if (!process.argv.includes('--check')) writeFileSync(join(root, path), text);
    else if (readFileSync(join(root, path), 'utf8') !== text) {
      process.stderr.write(`${path} is not what schema/*.schema.json give: run npm run schema-types\n`);
      process.exit(1);
    }
  }
}
