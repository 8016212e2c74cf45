import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDiscrepancies, hedgeInterval, DEFAULT_TOLERANCES } from '../../src/analysis/discrepancies/index.js';
import { interval, overlaps } from '../../src/analysis/discrepancies/interval.js';
import type { Claim, Hedge, Metric, Scale, Source } from '../../src/dataset/types.js';
import { BUILTIN } from '../../src/units/index.js';
import { loadLocale } from '../../src/locale/index.js';
import { templateDirs, wordingOf } from '../../src/pipeline.js';

const english = wordingOf(loadLocale(templateDirs(), 'en'));

const source = (id: string): Source => ({ id, publisher: id, title: id, dateStatus: 'undated', language: 'en', kind: 'news', file: `${id}.txt` });
const metric = (id: string, unit: Metric['unit'] = 'count'): Metric => ({ id, label: id, unit, description: id });
let n = 0;
const claim = (over: Partial<Claim> & Pick<Claim, 'source' | 'value'>): Claim => ({
  id: `c${++n}`,
  metric: 'm',
  period: '2025',
  scale: 'one',
  unit: 'count',
  hedge: 'none',
  printed: String(over.value),
  quote: String(over.value),
  ...over,
});
const run = (claims: Claim[], metrics: Metric[] = [metric('m'), metric('total')]) => findDiscrepancies({ sources: [source('a'), source('b'), source('c')], metrics, claims }, english);

describe('hedge intervals', () => {
  const i = (value: number, hedge: Hedge, printed = String(value), unit: Claim['unit'] = 'USD', scale: Scale = 'billion') =>
    hedgeInterval({ value, scale, unit, hedge, printed }, DEFAULT_TOLERANCES, BUILTIN);
  it('honours the printed precision of exact figures', () => {
    expect(i(27.62, 'none', 'US$27.62 billion')).toMatchObject({ low: 27.615e9, high: 27.625e9 });
    expect(i(27.6, 'none', 'US$27.6 billion')).toMatchObject({ low: 27.55e9, high: 27.65e9 });
  });
  it('puts "nearly" just below, "over" just above, "about" around the figure', () => {
    expect(i(23, 'nearly')).toMatchObject({ high: 23e9, highOpen: true });
    expect(i(23, 'nearly').low).toBeCloseTo(23e9 * 0.95, -3);
    expect(i(930, 'over')).toMatchObject({ low: 930e9, lowOpen: true });
    const about = i(35.2, 'about');
    expect(about.low).toBeLessThan(35.2e9);
    expect(about.high).toBeGreaterThan(35.2e9);
  });
  it('counts touching intervals as overlapping only when both touching ends are closed', () => {
    expect(overlaps(interval(0, 1), interval(1, 2))).toBe(true);
    expect(overlaps(interval(0, 1, false, true), interval(1, 2))).toBe(false);
    expect(overlaps(interval(0, 1), interval(1, 2, true))).toBe(false);
  });
  it('sets "over 930" against a whole count of exactly 930 as a conflict, but not against a rounded amount', () => {
    const count = (source: string, hedge: Hedge) => claim({ source, value: 930, hedge });
    expect(run([count('a', 'over'), count('b', 'none')]).discrepancies.map((d) => [d.rule, d.severity])).toEqual([['value-conflict', 'note']]);
    const usd = (source: string, hedge: Hedge) => claim({ source, value: 930, hedge, scale: 'billion', unit: 'USD' });
    expect(run([usd('a', 'over'), usd('b', 'none')], [metric('m', 'USD')]).discrepancies).toEqual([]);
  });
  it('makes "at least" one-sided', () => {
    expect(i(5, 'at least')).toMatchObject({ low: 5e9, high: Infinity });
  });
});

describe('rules', () => {
  it('finds a value conflict beyond the hedges, with its relative gap', () => {
    const r = run(
      [
        claim({ source: 'a', value: 27.62, scale: 'billion', unit: 'USD', printed: 'US$27.62 billion' }),
        claim({ source: 'b', value: 23, scale: 'billion', unit: 'USD', hedge: 'nearly', printed: 'nearly 23 billion' }),
      ],
      [metric('m', 'USD')],
    );
    expect(r.discrepancies).toHaveLength(1);
    expect(r.discrepancies[0]).toMatchObject({ id: 'D1', rule: 'value-conflict', severity: 'major' });
    expect(r.discrepancies[0]!.gap).toBeCloseTo((27.615 - 23) / 27.615, 6);
  });

  it('reports figures that agree within their hedges as consistent, never as a conflict', () => {
    const usd = (source: string, value: number, hedge: Hedge) => claim({ source, value, hedge, scale: 'billion', unit: 'USD' });
    const r = run([usd('a', 930, 'over'), usd('b', 930, 'none'), usd('c', 900, 'exceeded')], [metric('m', 'USD')]);
    expect(r.discrepancies).toEqual([]);
    expect(r.consistent).toHaveLength(1);
  });

  it('compares billion and million scales, never USD with VND', () => {
    const usd = (source: string, value: number, scale: Scale) => claim({ source, value, scale, unit: 'USD', printed: String(value) });
    expect(run([usd('a', 1.5, 'billion'), usd('b', 1500, 'million')], [metric('m', 'USD')]).discrepancies).toEqual([]);
    const vnd = claim({ source: 'b', value: 615, scale: 'billion', unit: 'VND', metric: 'v', printed: '615' });
    expect(run([usd('a', 23.6, 'million'), vnd], [metric('m', 'USD'), metric('v', 'VND')]).discrepancies).toEqual([]);
  });

  it('checks a stated ratio against the base year and states the implied values both ways', () => {
    const r = run([
      claim({ source: 'a', value: 350, hedge: 'nearly', printed: 'nearly 350' }),
      claim({ source: 'a', value: 2.5, unit: 'times', printed: '2.5 times', relation: { type: 'ratio', base: '2024' } }),
      claim({ source: 'b', value: 170, period: '2024' }),
    ]);
    const d = r.discrepancies.find((x) => x.rule === 'derived-relation');
    // "nearly 350" things are at most 349: 349 / 170 ≈ 2.05, inside the range the figures allow (not 350 / 170 ≈ 2.06).
    expect(d?.explanation).toContain('a ratio of about 2.05');
    expect(d?.implied?.value).toBeLessThanOrEqual(d!.implied!.interval.high);
    expect(d?.explanation).toContain('imply about 140 in 2024');
  });

  it('does not let a loose figure ("at least 200") excuse a ratio the precise figures contradict', () => {
    const r = run([
      claim({ source: 'a', value: 350, hedge: 'nearly', printed: 'nearly 350' }),
      claim({ source: 'c', value: 200, hedge: 'at least', printed: 'Hundreds' }),
      claim({ source: 'a', value: 2.5, unit: 'times', printed: '2.5 times', relation: { type: 'ratio', base: '2024' } }),
      claim({ source: 'b', value: 170, period: '2024' }),
    ]);
    expect(r.discrepancies.map((d) => d.rule)).toEqual(['derived-relation']);
  });

  it('checks a running total against the previous total', () => {
    const r = run([
      claim({ source: 'a', metric: 'm', value: 7, relation: { type: 'increment', total: 'total', base: '2024' } }),
      claim({ source: 'a', metric: 'total', value: 77 }),
      claim({ source: 'b', metric: 'total', value: 71, period: '2024' }),
    ]);
    expect(r.discrepancies.map((d) => [d.rule, d.explanation])).toEqual([['running-total', expect.stringContaining('makes 78, not the stated 77')]]);
    const ok = run([
      claim({ source: 'a', metric: 'm', value: 6, relation: { type: 'increment', total: 'total', base: '2024' } }),
      claim({ source: 'a', metric: 'total', value: 77 }),
      claim({ source: 'b', metric: 'total', value: 71, period: '2024' }),
    ]);
    expect(ok.discrepancies).toEqual([]);
  });

  it('lists a relation whose base no source gives as unverifiable', () => {
    const r = run([claim({ source: 'a', value: 9, unit: 'percent', relation: { type: 'growth', base: '2024' } }), claim({ source: 'a', value: 27 })]);
    expect(r.discrepancies.map((d) => d.rule)).toEqual(['unverifiable-relation']);
  });

  it('flags different definitions instead of comparing their values', () => {
    const r = run([claim({ source: 'a', value: 42, scope: 'strategic and above' }), claim({ source: 'b', value: 42, scope: 'comprehensive and above' })]);
    expect(r.discrepancies.map((d) => d.rule)).toEqual(['definition-mismatch']);
  });

  it('makes one finding of a relation that several sources repeat', () => {
    const r = run([
      claim({ source: 'a', value: 350, hedge: 'nearly', printed: 'nearly 350' }),
      claim({ source: 'a', value: 2.5, unit: 'times', hedge: 'around', printed: 'around 2.5 times', relation: { type: 'ratio', base: '2024' } }),
      claim({ source: 'c', value: 2.5, unit: 'times', printed: '2.5 times', relation: { type: 'ratio', base: '2024' } }),
      claim({ source: 'b', value: 170, period: '2024' }),
    ]);
    expect(r.discrepancies.map((d) => [d.rule, d.claims.length])).toEqual([['derived-relation', 4]]);
    expect(r.discrepancies[0]!.explanation).toContain('not the stated around 2.5 times or 2.5 times');
  });

  it('does not hold a relation against levels of another scope, but says what they would give', () => {
    const r = run([
      claim({ source: 'a', value: 75, scope: 'bilateral activities' }),
      claim({ source: 'a', value: 1.5, unit: 'times', printed: '1.5 times', relation: { type: 'ratio', base: '2024' } }),
      claim({ source: 'b', value: 60, period: '2024', scope: 'all high-level activities' }),
    ]);
    expect(r.discrepancies.map((d) => [d.rule, d.severity])).toEqual([['definition-mismatch', 'minor']]);
    expect(r.discrepancies[0]!.explanation).toContain('a ratio of about 1.25, not the stated 1.5 times');
    expect(r.discrepancies[0]!.explanation).toContain('not reported as a conflict');
    expect(r.sources.find((s) => s.source === 'a')).toMatchObject({ contradicted: 0 });
  });

  it("does not take a label that restates the metric's own name for a conflict", () => {
    const named = [metric('m'), metric('total')].map((m) => ({ ...m, label: 'Trade turnover' }));
    const r = run([claim({ source: 'a', value: 930, label: 'trade turnover' }), claim({ source: 'b', value: 930 })], named);
    expect(r.discrepancies).toEqual([]);
  });

  it('flags a figure named as a different measure', () => {
    const r = run([claim({ source: 'a', value: 920, hedge: 'exceeded', label: 'export turnover' }), claim({ source: 'b', value: 930 })]);
    expect(r.discrepancies.map((d) => d.rule)).toEqual(['label-conflict']);
  });
});

describe('properties', () => {
  const claimArb = fc.record({
    source: fc.constantFrom('a', 'b', 'c'),
    metric: fc.constantFrom('m', 'total'),
    period: fc.constantFrom('2024', '2025'),
    value: fc.integer({ min: 1, max: 1000 }),
    hedge: fc.constantFrom<Hedge>('none', 'nearly', 'over', 'about'),
  });
  const build = (xs: { source: string; metric: string; period: string; value: number; hedge: Hedge }[]) => xs.map((x, i) => claim({ ...x, id: `p${i}`, printed: String(x.value) }));

  it('does not depend on the order of claims or sources', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (xs, seed) => {
        const claims = build(xs);
        const shuffled = [...claims].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5) || (a.id < b.id ? 1 : -1));
        const sources = [source('a'), source('b'), source('c')];
        const metrics = [metric('m'), metric('total')];
        const one = findDiscrepancies({ sources, metrics, claims }, english);
        const two = findDiscrepancies({ sources, metrics: [...metrics].reverse(), claims: shuffled }, english);
        expect(two).toEqual(one);
      }),
    );
  });

  it('never finds a claim in conflict with its own copy in another source', () => {
    fc.assert(
      fc.property(claimArb, (x) => {
        const [a] = build([x]);
        const r = run([a!, { ...a!, id: 'copy', source: a!.source === 'a' ? 'b' : 'a' }]);
        expect(r.discrepancies).toEqual([]);
      }),
    );
  });

  it('gives the same findings when every figure is rescaled (thousand ↔ one)', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 10 }), (xs) => {
        const claims = build(xs);
        // Same figure, same printed digits, another scale: "1,500" stored as 1.5 thousand.
        const rescaled = claims.map((c) => ({ ...c, value: c.value / 1000, scale: 'thousand' as const }));
        const shape = (r: ReturnType<typeof run>) => r.discrepancies.map((d) => [d.rule, d.severity, d.metric, d.period, d.claims.map((c) => c.claim)]);
        expect(shape(run(rescaled))).toEqual(shape(run(claims)));
      }),
    );
  });
});
