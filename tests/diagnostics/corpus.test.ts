// Golden diagnostics: every case of the bad-input corpus gives exactly the located lines of its expected.txt.
// `UPDATE=1 npx vitest run tests/diagnostics` writes them anew (review the diff before committing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseNames, corpusDir, runCase } from './corpus.js';

describe('the bad-input corpus', () => {
  it('has cases', () => {
    expect(caseNames().length).toBeGreaterThan(0);
  });

  it.each(caseNames())('%s', async (name) => {
    const lines = await runCase(name);
    expect(lines.length, `case ${name} raised no diagnostic: a corpus case is bad input`).toBeGreaterThan(0);
    const expected = join(corpusDir, name, 'expected.txt');
    const text = `${lines.join('\n')}\n`;
    if (process.env.UPDATE) writeFileSync(expected, text);
    expect(existsSync(expected), `${expected} is missing: run UPDATE=1 npx vitest run tests/diagnostics, then review it`).toBe(true);
    expect(text).toBe(readFileSync(expected, 'utf8'));
  });
});
