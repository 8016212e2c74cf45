// The dataset's types come from its JSON Schemas: src/dataset/files.ts must be what scripts/schema-types.mjs
// generates from schema/*.schema.json today, so that a changed schema cannot leave the program's types behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
// @ts-expect-error: a plain ES module script without types
import { generate } from '../../scripts/schema-types.mjs';

describe('the dataset types generated from the schemas', () => {
  it('are up to date (npm run schema-types rewrites them)', async () => {
    const committed = readFileSync(join(packageRoot, 'src', 'dataset', 'files.ts'), 'utf8');
    expect(committed).toBe(await (generate as () => Promise<string>)());
  });

  it('give the enums the program uses: the scales of claims, the kinds of sources', () => {
    const files = readFileSync(join(packageRoot, 'src', 'dataset', 'files.ts'), 'utf8');
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schema', 'common.schema.json'), 'utf8')) as { $defs: { scale: { enum: string[] } } };
    expect(files).toContain(`scale: (${schema.$defs.scale.enum.map((s) => `"${s}"`).join(' | ')})`);
  });
});
