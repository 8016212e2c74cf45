// Hedge words (built-in and declared), ratios printed as words, and source standing, on the fictional Marenna
// fixture (tests/fixtures/marenna) and on hand-made claims.
import { BUILTIN } from '../../src/units/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCES, findDiscrepancies, hedgeInterval } from '../../src/analysis/discrepancies/index.js';
import { headlineRows } from '../../src/analysis/chart-data.js';
import { BUILTIN_HEDGES, hedgeVocabulary } from '../../src/text/hedges.js';
import { loadDataset } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/types.js';
import { loadLocale } from '../../src/locale/index.js';
import { templateDirs, wordingOf } from '../../src/pipeline.js';
import { diagnosticsOf, folderMaker } from '../support.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'marenna');
const english = wordingOf(loadLocale(templateDirs(), 'en'));
const marenna = loadDataset(fixture);
const report = (ds: Dataset = marenna) => findDiscrepancies(ds, english);
const findingOf = (claim: string, ds?: Dataset) => report(ds).discrepancies.find((d) => d.claims.some((c) => c.claim === claim));

/** A copy of the fixture with some of its files changed. */
const folder = folderMaker('annual-review-hedges-');
function variant(changes: Record<string, (text: string) => string>): string {
  const files = ['review.yaml', 'sources.yaml', 'metrics.yaml', 'claims.yaml', 'narrative.yaml'];
  return folder(Object.fromEntries(files.map((f) => [f, (changes[f] ?? ((t: string) => t))(readFileSync(join(fixture, f), 'utf8'))])));
}

describe('ratios printed as words', () => {
  it('reports "twice as many" against 24 and 15 (1.6 times) as a failed relation', () => {
    const d = findingOf('hg-ferry-ratio');
    expect(d).toMatchObject({ rule: 'derived-relation', severity: 'major' });
    expect(d!.claims.map((c) => c.claim)).toEqual(['hg-ferry-ratio', 'hg-ferry-routes', 'sb-ferry-routes']);
    expect(d!.explanation).toContain('a ratio of about 1.6, not the stated twice as many');
  });

  it('gives a ratio word the exactness of the tolerance "word" (5 %), a count in words its whole number', () => {
    const word = (value: number, printed: string, unit: 'times' | 'count') => hedgeInterval({ value, scale: 'one', unit, hedge: 'none', printed }, DEFAULT_TOLERANCES, BUILTIN);
    expect(word(2, 'twice', 'times')).toMatchObject({ low: 1.9, high: 2.1 });
    expect(word(0.5, 'half', 'times')).toMatchObject({ low: 0.475, high: 0.525 });
    expect(word(7, 'seven', 'count')).toMatchObject({ low: 7, high: 7 });
    // Digits still give their own precision: "2.5 times" is 2.45 to 2.55.
    expect(word(2.5, '2.5 times', 'times')).toMatchObject({ low: 2.45, high: 2.55 });
    // A hedge widens a word as it widens digits: "nearly twice" is just under 2.
    expect(hedgeInterval({ value: 2, scale: 'one', unit: 'times', hedge: 'nearly', printed: 'nearly twice' }, DEFAULT_TOLERANCES, BUILTIN)).toMatchObject({ low: 1.9, high: 2, highOpen: true });
  });

  it('holds a ratio word that the figures bear out', () => {
    const ds = { ...marenna, claims: marenna.claims.map((c) => (c.id === 'sb-ferry-routes' ? { ...c, value: 12, printed: '12', quote: 'Ferries served 12 routes.' } : c)) };
    expect(findingOf('hg-ferry-ratio', ds)).toBeUndefined();
  });
});

describe('hedges', () => {
  const i = (hedge: string, value = 100) => hedgeInterval({ value, scale: 'one', unit: 'percent', hedge, printed: String(value) }, DEFAULT_TOLERANCES, BUILTIN, hedgeVocabulary(marenna.meta.hedges));

  it('reads the wider vocabulary, whatever the case the source printed', () => {
    expect(i('Roughly')).toMatchObject({ low: 95, high: 105 });
    expect(i('roughly')).toEqual(i('about'));
    expect(i('close to')).toMatchObject({ low: 95, high: 100, highOpen: true });
    expect(i('just over')).toMatchObject({ low: 100, lowOpen: true, high: 105 });
    expect(i('in excess of')).toEqual(i('over'));
    expect(i('upwards of')).toEqual(i('more than'));
    expect(i('well over')).toMatchObject({ low: 100, lowOpen: true, high: Infinity });
    expect(i('no fewer than')).toEqual(i('at least'));
  });

  it('takes a hedge printed in another case for the same figure, not for an agreement to list', () => {
    const same = (hedge: string, source: string, id: string) => ({
      ...marenna.claims.find((c) => c.id === 'hg-diaspora')!,
      id,
      source,
      hedge,
      printed: `${hedge} 2.4 million`,
      quote: `${hedge} 2.4 million`,
    });
    const ds = { ...marenna, claims: [same('Roughly', 'harbour-gazette', 'x'), same('roughly', 'valley-courier', 'y')] };
    expect(report(ds).consistent).toEqual([]);
    expect(report(ds).discrepancies).toEqual([]);
  });

  it('shows an unhedged figure in the headline chart, however "none" is written', () => {
    const metrics = marenna.metrics.map((m) => (m.id === 'diaspora' ? { ...m, headline: true } : m));
    const claims = marenna.claims.map((c) => (c.id === 'vc-diaspora' ? { ...c, hedge: 'None', printed: '2.5 million', quote: '2.5 million' } : c));
    const rows = headlineRows({ ...marenna, metrics, claims });
    expect(rows.find((r) => r.metric === 'diaspora')).toMatchObject({ claim: 'vc-diaspora' });
  });

  it('documents every built-in word with its meaning', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'discrepancies.md'), 'utf8');
    for (const word of Object.keys(BUILTIN_HEDGES)) expect(doc, word).toContain(`"${word}"`);
  });

  it('takes a hedge the dataset declares with its meaning', () => {
    expect(i('Give or take')).toMatchObject({ low: 90, high: 110 });
    // "give or take 300,000" (±10 %) and "well over 325,000" overlap; at ±5 % they would conflict.
    expect(report().consistent.map((a) => a.metric)).toContain('cargo');
    const tight = loadDataset(variant({ 'review.yaml': (t) => t.replace('band: 0.1', 'band: approximate') }));
    const cargo = (ds: Dataset) =>
      report(ds)
        .discrepancies.filter((d) => d.metric === 'cargo')
        .map((d) => d.rule);
    expect(cargo(marenna)).toEqual(['label-conflict']);
    expect(cargo(tight)).toEqual(['label-conflict', 'value-conflict']);
  });

  it('reports an unknown hedge at its place, with the closest word', () => {
    const dir = variant({ 'claims.yaml': (t) => t.replace('hedge: Roughly', 'hedge: rougly') });
    const [d, ...rest] = diagnosticsOf(() => loadDataset(dir));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'dataset/unknown-hedge', path: 'claims[7].hedge', line: expect.any(Number), hint: 'did you mean "roughly"?' });
    expect(d!.file).toMatch(/claims\.yaml$/);
  });

  it('requires the hedge to be the word printed with the figure', () => {
    const dir = variant({ 'claims.yaml': (t) => t.replace('hedge: About', 'hedge: nearly') });
    const [d, ...rest] = diagnosticsOf(() => loadDataset(dir));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'dataset/hedge-not-printed', path: 'claims[8].hedge', line: expect.any(Number) });
  });

  it('refuses a declared word that is built in or declared twice', () => {
    const dir = variant({ 'review.yaml': (t) => `${t}  - word: Some\n    meaning: { side: around, band: 0.2 }\n  - word: give  or take\n    meaning: { side: below, band: unbounded }\n` });
    const found = diagnosticsOf(() => loadDataset(dir));
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['dataset/hedge', 'hedges[1].word'],
      ['dataset/hedge', 'hedges[2].word'],
    ]);
    expect(found.every((d) => d.file?.endsWith('review.yaml') && d.line !== undefined)).toBe(true);
  });
});

describe('source standing', () => {
  it('counts no claim of a finding as corroborated', () => {
    const standing = new Map(report().sources.map((s) => [s.source, s]));
    // The bulletin names its cargo figure "expected container traffic": a label conflict, though the values agree.
    expect(standing.get('state-bulletin')).toMatchObject({ claims: 3, corroborated: 0, uncompared: 1, contradicted: 2 });
    expect(standing.get('valley-courier')).toMatchObject({ claims: 3, corroborated: 1, uncompared: 1, contradicted: 1 });
    // "twice as many" failed: contradicted, with the levels it relates.
    expect(standing.get('harbour-gazette')).toMatchObject({ claims: 5, contradicted: 4, corroborated: 1 });
  });
});
