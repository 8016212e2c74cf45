#!/usr/bin/env node
// Writes src/dataset/files.ts: the TypeScript types of the dataset's files, generated from their JSON Schemas
// (schema/*.schema.json), so that the schemas are the one source of the dataset's shape. `--check` fails, saying so,
// when the file is not what the schemas give (tests run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
const schemaDir = join(root, 'schema');
const target = join(root, 'src', 'dataset', 'files.ts');
export const FILES = ['review', 'sources', 'metrics', 'claims', 'events', 'partnerships', 'people', 'narrative'];

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase());

export async function generate() {
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      process.stderr.write('src/dataset/files.ts is not what schema/*.schema.json give: run npm run schema-types\n');
      process.exit(1);
    }
  } else writeFileSync(target, text);
}
