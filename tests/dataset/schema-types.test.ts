// The dataset's, the theme's and the locale's types come from their JSON Schemas: src/dataset/files.ts, src/theme/file.ts
// and src/locale/file.ts must be what scripts/schema-types.mjs generates from schema/*.schema.json today, so that a changed schema cannot leave the
// program's types behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
// @ts-expect-error: a plain ES module script without types
import { generate } from '../../scripts/schema-types.mjs';

describe('the dataset types generated from the schemas', () => {
  it('are up to date (npm run schema-types rewrites them)', async () => {
    const generated = await (generate as () => Promise<Record<string, string>>)();
    expect(Object.keys(generated).sort()).toEqual(['src/dataset/files.ts', 'src/locale/file.ts', 'src/theme/file.ts']);
    for (const [path, text] of Object.entries(generated)) expect(readFileSync(join(packageRoot, path), 'utf8'), path).toBe(text);
  });

  it('give the enums the program uses: the scales of claims, the kinds of sources', () => {
    const files = readFileSync(join(packageRoot, 'src', 'dataset', 'files.ts'), 'utf8');
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schema', 'common.schema.json'), 'utf8')) as { $defs: { scale: { enum: string[] } } };
    expect(files).toContain(`scale: (${schema.$defs.scale.enum.map((s) => `"${s}"`).join(' | ')})`);
  });

  it("give the locale's texts their two kinds: a text, or as many month names as the schema asks for", () => {
    const file = readFileSync(join(packageRoot, 'src', 'locale', 'file.ts'), 'utf8');
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schema', 'locale.schema.json'), 'utf8')) as {
      additionalProperties: { additionalProperties: { oneOf: [unknown, { minItems: number }] } };
    };
    const months = schema.additionalProperties.additionalProperties.oneOf[1].minItems;
    expect(file).toContain(`string | [${Array(months).fill('string').join(', ')}]`);
  });
});
