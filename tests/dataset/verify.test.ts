// Quote verification: tolerant of how a copy is typeset, strict about its words, and located when it fails.
import { join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import type { Dataset, SourcePosition } from '../../src/dataset/types.js';
import { checkQuotes, foldForComparison, verifyMessages, verifyQuotes } from '../../src/dataset/verify.js';
import { packageRoot } from '../../src/input/paths.js';

const fixtures = join(packageRoot, 'tests', 'fixtures', 'verify');
const texts = join(fixtures, 'texts');
const ARTICLE = 'Hà Nội, March 3, 2031 – the ministry’s briefing said the country signed\nnearly 400 cooperation agreements in 2030—about twice the year before.';

/** A one-source, one-claim dataset around `quote`, with the given positions. */
function datasetWith(quote: string, positions: [string, SourcePosition][] = [], file = 'article.txt'): Dataset {
  return {
    dir: 'test',
    meta: { id: 't', title: 'T', year: 2030, organisation: 'O', author: 'A', date: '2031-01-01', language: 'en' },
    sources: [{ id: 'gazette', publisher: 'P', title: 'T', dateStatus: 'undated', language: 'en', kind: 'news', file }],
    metrics: [],
    claims: [{ id: 'c', source: 'gazette', metric: 'm', period: '2030', value: 400, scale: 'one', unit: 'count', hedge: 'nearly', printed: 'nearly 400', quote }],
    events: [],
    partnerships: [],
    people: [],
    narrative: [],
    positions: new Map(positions),
  };
}
const check = (quote: string) => checkQuotes(datasetWith(quote), new Map([['gazette', foldForComparison(ARTICLE)]]));

describe('quote verification', () => {
  it.each([
    ['straight apostrophe', "the ministry's briefing said"],
    ['line break and spaces', 'the  country signed nearly 400\tcooperation'],
    ['em dash', 'in 2030—about twice'],
    ['en dash with spaces', 'in 2030 – about twice'],
    ['hyphen', 'in 2030-about twice'],
    ['non-breaking hyphen', 'in 2030\u2011about twice'],
    ['NFD letters against an NFC text', 'Hà Nội, March 3'.normalize('NFD')],
  ])('accepts a quote typeset differently: %s', (_, quote) => {
    expect(check(quote)).toEqual([]);
  });

  it.each([
    ['a changed word', 'signed nearly 400 cooperation deals'],
    ['a changed figure', 'signed nearly 410 cooperation agreements'],
    ['a dropped diacritic', 'Ha Noi, March 3'],
  ])('rejects %s', (_, quote) => {
    expect(check(quote)).toHaveLength(1);
  });

  it('locates a miss at the quote, falling back to the path when no position is known', () => {
    const at = { file: 'claims.yaml', line: 12, column: 12 };
    const ds = datasetWith('signed 400 deals', [['claims[0].quote', at]]);
    const [located] = checkQuotes(ds, new Map([['gazette', foldForComparison(ARTICLE)]]));
    expect(located).toEqual({ severity: 'error', code: 'verify/quote-not-found', message: verifyMessages.notFound('gazette', 'article.txt'), path: 'claims[0].quote', ...at });
    const [bare] = check('signed 400 deals');
    expect(bare).toEqual({ severity: 'error', code: 'verify/quote-not-found', message: verifyMessages.notFound('gazette', 'article.txt'), path: 'claims[0].quote' });
  });

  it('reports a source text that cannot be read, once, at the source', () => {
    const diagnostics = verifyQuotes(datasetWith('anything', [], 'missing.txt'), texts);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'verify/missing-text', path: 'sources[0].file' });
    expect(diagnostics[0]?.message).toContain('missing.txt');
  });

  it('reports the altered quote of a dataset with the line and column of its YAML', () => {
    const diagnostics = verifyQuotes(loadDataset(join(fixtures, 'dataset')), texts);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'verify/quote-not-found', path: 'claims[1].quote', line: 22, column: 12, message: verifyMessages.notFound('gazette', 'article.txt') });
    expect(diagnostics[0]?.file).toMatch(/claims\.yaml$/);
  });

  it('finds every quote of the fictional base dataset in its source texts', () => {
    expect(verifyQuotes(loadDataset(join(packageRoot, 'tests', 'fixtures', 'base-dataset')), join(packageRoot, 'tests', 'fixtures', 'base-dataset-texts'))).toEqual([]);
  });
});

describe('the example datasets that ship their source texts', () => {
  const dataDir = join(packageRoot, 'data');
  const withTexts = readdirSync(dataDir).filter((name) => existsSync(join(dataDir, name, 'sources')));

  it('include at least one, so that verify can be tried from the repository', () => {
    expect(withTexts.length).toBeGreaterThan(0);
  });

  it.each(withTexts)('%s: every quote is found in its source text', (name) => {
    const dataset = loadDataset(join(dataDir, name));
    expect(verifyQuotes(dataset, join(dataDir, name, 'sources'))).toEqual([]);
    // Each text says it is made up: the example's sources are never copies of real articles.
    for (const file of readdirSync(join(dataDir, name, 'sources'))) {
      expect(readFileSync(join(dataDir, name, 'sources', file), 'utf8'), file).toMatch(/^FICTIONAL SOURCE TEXT/);
    }
  });
});
