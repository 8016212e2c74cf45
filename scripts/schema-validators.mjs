#!/usr/bin/env node
// Writes src/input/validators.ts: the JSON Schemas of the files a user writes (schema/*.schema.json) compiled ahead
// into validation code by Ajv's standalone mode, so that no build compiles a schema at start-up. `--check` fails,
// saying so, when the file is not what the schemas give (npm run schema-types writes it with the types).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const schemaDir = join(root, 'schema');
export const VALIDATORS = 'src/input/validators.ts';

/** The options src/input/schema.ts validated with when it compiled at run time; `formats` names the calendar format's module. */
const options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true, esm: true, formats: _`formats` } };

export function generateValidators() {
  const ajv = new Ajv2020(options);
  // Only the format's name and type matter here: the code calls the `calendar` of src/input/formats.ts.
  ajv.addFormat('calendar', { type: 'string', validate: () => true });
  const names = readdirSync(schemaDir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort();
  for (const name of names) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')), name);
  const exported = Object.fromEntries(names.map((name, i) => [`schema${i}`, name]));
  let code = standalone.default(ajv, exported);
  // One exported map by file name instead of one export per schema; Ajv's runtime helpers through require.
  code = code.replace(/^"use strict";/, '').replace(/export const (schema\d+) = (validate\d+);/g, 'const $1 = $2;');
  const map = names.map((name, i) => `  ${JSON.stringify(name)}: schema${i},`).join('\n');
  return [
    '// Generated from schema/*.schema.json by scripts/schema-validators.mjs (npm run schema-types): do not edit.',
    "// Ajv's standalone validation code for each schema, compiled ahead so that no build compiles one at start-up.",
    '// @ts-nocheck',
    '/* eslint-disable */',
    "import { createRequire } from 'node:module';",
    "import * as formats from './formats.js';",
    'const require = createRequire(import.meta.url);',
    code,
    `/** Each schema's validation function, by its file name in schema/. */\nexport const validators: Record<string, import('ajv').ValidateFunction> = {\n${map}\n};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateValidators();
  if (!process.argv.includes('--check')) writeFileSync(join(root, VALIDATORS), text);
  else if (readFileSync(join(root, VALIDATORS), 'utf8') !== text) {
    process.stderr.write(`${VALIDATORS} is not what schema/*.schema.json give: run npm run schema-types\n`);
    process.exit(1);
  }
}
