// Every diagnostic code the program can raise is pinned by a case of the bad-input corpus: a code added to src/
// without a case fails here, by name, until a case folder in tests/fixtures/diagnostics raises it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseNames, codesInSource, corpusDir } from './corpus.js';

/** Codes no input can raise: they guard the installation itself, not what a user gives. */
export const UNREACHABLE: Record<string, string> = {
  'dataset/schema-missing': 'a JSON Schema file missing from the package',
  'locale/missing': 'the built-in template without its English locale',
  'template/missing': 'the built-in template without report.md.hbs (a template folder falls back on it)',
};

/** The codes the corpus's expected.txt files hold (the second field of each line). */
function codesInCorpus(): Set<string> {
  const codes = new Set<string>();
  for (const name of caseNames()) {
    let text = '';
    try {
      text = readFileSync(join(corpusDir, name, 'expected.txt'), 'utf8');
    } catch {
      continue; // corpus.test.ts fails the case
    }
    for (const line of text.split('\n')) {
      const code = /^.*?: ([a-z]+\/[a-z0-9-]+): /.exec(line)?.[1];
      if (code) codes.add(code);
    }
  }
  return codes;
}

describe('diagnostic codes', () => {
  const inSource = codesInSource();

  it('finds the codes in the source', () => {
    // The scan itself must work: a few codes every version has.
    for (const code of ['dataset/yaml-syntax', 'dataset/unknown-ref', 'template/syntax']) expect(inSource).toContain(code);
  });

  it('are each raised by a case of tests/fixtures/diagnostics', () => {
    const raised = codesInCorpus();
    const missing = [...inSource].filter((c) => !raised.has(c) && !(c in UNREACHABLE)).sort();
    expect(missing, `no case in tests/fixtures/diagnostics raises ${missing.join(', ')}: add one (see its README.md)`).toEqual([]);
  });

  it('raises no code the source does not define, and exempts only codes that exist', () => {
    expect([...codesInCorpus()].filter((c) => !inSource.has(c))).toEqual([]);
    expect(Object.keys(UNREACHABLE).filter((c) => !inSource.has(c))).toEqual([]);
  });
});
