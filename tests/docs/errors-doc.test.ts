// docs/errors.md lists every diagnostic code the source defines, and only those, and every input limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/input/limits.js';
import { packageRoot } from '../../src/input/paths.js';
import { codesInSource } from '../diagnostics/corpus.js';

const doc = readFileSync(join(packageRoot, 'docs', 'errors.md'), 'utf8');
const documented = new Set([...doc.matchAll(/^#### `([a-z]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]!));

describe('docs/errors.md', () => {
  it('has a section for every code in the source, and none for a code that does not exist', () => {
    const inSource = codesInSource();
    expect([...inSource].filter((c) => !documented.has(c)).sort(), 'codes missing from docs/errors.md').toEqual([]);
    expect([...documented].filter((c) => !inSource.has(c)).sort(), 'codes in docs/errors.md the source does not define').toEqual([]);
  });

  it('gives every limit with its default', () => {
    for (const [name, value] of Object.entries(DEFAULT_LIMITS)) expect(doc).toMatch(new RegExp(`\\| \`${name}\` \\| ${value}[ |]`));
  });
});
