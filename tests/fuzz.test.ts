// Arbitrary input never crashes the dataset loader or the Markdown stage: every failure is a ReviewError (exit 1),
// never another exception (exit 3), and each run ends. Kept to a few hundred runs so that it costs seconds.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDataset } from '../src/dataset/load.js';
import { ReviewError } from '../src/errors.js';
import { parseMarkup } from '../src/markup/index.js';
import { packageRoot } from '../src/input/paths.js';

const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
const dir = mkdtempSync(join(tmpdir(), 'annual-review-fuzz-'));
cpSync(base, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `f`; passes when it returns or throws a ReviewError, fails (with the input) on anything else. */
function onlyReviewErrors(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (e instanceof ReviewError) return true;
    throw e;
  }
}

/** YAML text: arbitrary characters, YAML's own punctuation, or arbitrary data written as YAML. */
const yamlText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.constantFrom('- ', ': ', '&a ', '*a', '[', ']', '{', '}', '\n', '  ', '"', "'", '|', '>', '#', '!!', 'x', '1e309', '2030-02-30', '%', '---', '\t'), { maxLength: 60 })
    .map((parts) => parts.join('')),
  fc.anything({ maxDepth: 4 }).map((value) => String(stringify(value) ?? '')),
  // Anchors used many times, and aliases of aliases (the yaml library throws past its alias count).
  fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 6 }))
    .map(([n, levels]) =>
      [
        `a0: &a0 [x, x, x, x, x, x, x, x, x, x]`,
        ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(Math.min(n, 10)).fill(`*a${i}`).join(', ')}]`),
        `b: [${Array(n).fill('*a0').join(', ')}]`,
      ].join('\n'),
    ),
);

describe('fuzz', () => {
  it.each(['review.yaml', 'claims.yaml', 'narrative.yaml'])('the loader, with any text as %s', (file) => {
    try {
      fc.assert(
        fc.property(yamlText, (text) => {
          writeFileSync(join(dir, file), text);
          return onlyReviewErrors(() => loadDataset(dir));
        }),
        { numRuns: 150, seed: 13 },
      );
    } finally {
      cpSync(join(base, file), join(dir, file));
    }
  });

  it('the loader, with any claim fields', () => {
    const claim = fc.record(
      {
        id: fc.string(),
        source: fc.constantFrom('gazette', 'x'),
        metric: fc.constantFrom('ships', 'y'),
        period: fc.string(),
        value: fc.oneof(fc.double(), fc.integer(), fc.string()),
        scale: fc.string(),
        unit: fc.string(),
        hedge: fc.string(),
        printed: fc.string(),
        quote: fc.string(),
      },
      { requiredKeys: [] },
    );
    try {
      fc.assert(
        fc.property(fc.array(claim, { maxLength: 4 }), (claims) => {
          writeFileSync(join(dir, 'claims.yaml'), stringify({ claims }));
          return onlyReviewErrors(() => loadDataset(dir));
        }),
        { numRuns: 150, seed: 13 },
      );
    } finally {
      cpSync(join(base, 'claims.yaml'), join(dir, 'claims.yaml'));
    }
  });

  it('the Markdown stage, with any text', () => {
    const markdown = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc
        .array(
          fc.constantFrom(
            '# ',
            '**',
            '_',
            '[x](',
            'javascript:',
            ')',
            ':cite[',
            ']',
            ':::figure{chart=',
            '}',
            ':::',
            '\n',
            '\n\n',
            '| a | b |\n|---|---|\n',
            '::toc',
            '<',
            '>',
            '`',
            '- ',
            '1. ',
            '\u200d',
            '\u202e',
            'word',
          ),
          { maxLength: 80 },
        )
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(markdown, (text) => {
        const { diagnostics } = parseMarkup(text, () => undefined, 'fuzz.md');
        return diagnostics.every((d) => d.code.startsWith('markup/'));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('loads the base dataset again afterwards (the fuzzing restored it)', () => {
    expect(loadDataset(dir).claims.length).toBeGreaterThan(0);
  });
});
