// The template's chart set on the 2025 dataset: every chart drawn without warnings from data derived from the
// dataset and the discrepancy report, its figures printed as text, and no chart able to load anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateSpan } from '../../src/analysis/chart-data.js';
import { renderChart } from '../../src/charts/index.js';
import { ReviewError } from '../../src/errors.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import type { BuildResult } from '../../src/pipeline.js';
import { defaultBuild } from '../support.js';
import { texts, theme } from './helpers.js';

let result: BuildResult;
const charts = readdirSync(join(builtinTemplateDir, 'charts'))
  .filter((f) => f.endsWith('.vl.json'))
  .map((f) => f.replace('.vl.json', ''));
const rows = (name: string) => result.review.chartData[name] ?? [];
const svgText = (name: string) => texts(result.charts.find((c) => c.name === name)!.svg).join(' ');

beforeAll(async () => {
  result = await defaultBuild();
});

describe('the chart set', () => {
  it('draws every chart of the template in the review, fitted to the column, without warnings', () => {
    expect(result.charts.map((c) => c.name).sort()).toEqual([...charts].sort());
    expect(charts).toEqual(expect.arrayContaining(['year-on-year', 'where-sources-disagree', 'measures', 'partnerships', 'events-timeline']));
    for (const c of result.charts) {
      expect(c.warnings, c.name).toEqual([]);
      expect(c.width).toBeLessThanOrEqual(468);
    }
  });

  it('shows each contested figure of the discrepancy table, one range per source, under its finding number', () => {
    const contested = result.review.discrepancies.discrepancies.filter((d) => d.rule === 'value-conflict' || d.rule === 'label-conflict');
    expect(contested.length).toBeGreaterThan(0);
    const levels = new Set(result.review.dataset.claims.filter((c) => !c.relation).map((c) => c.id));
    const expected = contested.flatMap((d) => d.claims.filter((c) => levels.has(c.claim)).map((c) => `${d.id} ${c.claim}`));
    const sourceRows = rows('disagreements').filter((r) => r.rule === 'value-conflict' || r.rule === 'label-conflict');
    expect(sourceRows.map((r) => `${r.finding} ${r.claim}`)).toEqual(expected);
    for (const r of rows('disagreements')) {
      // The range is the hedge's: "nearly 23 billion" runs up to 23 billion, never above.
      if (!r.implied) expect(r.low as number).toBeLessThanOrEqual(r.value as number);
      if (!r.implied) expect(r.high as number).toBeGreaterThanOrEqual(r.value as number);
      expect(svgText('where-sources-disagree')).toContain(String(r.printed));
      expect(svgText('where-sources-disagree')).toContain(String(r.finding));
    }
  });

  it('shows each stated relation the figures contradict beside what the level figures imply', () => {
    const { claims, sources } = result.review.dataset;
    const byId = new Map(claims.map((c) => [c.id, c]));
    const rank = (id: string) => sources.findIndex((s) => s.id === byId.get(id)!.source);
    const failed = result.review.discrepancies.discrepancies.filter((d) => d.rule === 'derived-relation' || d.rule === 'running-total');
    expect(failed.map((d) => d.rule).sort()).toEqual(['derived-relation', 'running-total']);
    for (const d of failed) {
      const panel = rows('disagreements').filter((r) => r.finding === d.id);
      const stated = d.claims.filter((c) => byId.get(c.claim)!.relation).map((c) => c.claim);
      expect(panel.filter((r) => !r.implied).map((r) => r.claim)).toEqual(stated);
      const implied = panel.filter((r) => r.implied);
      expect(implied).toHaveLength(1);
      // What the levels imply, from the first-cited figure of each period, computed here from the claims.
      const relation = byId.get(stated[0]!)!.relation!;
      const levelMetric = relation.type === 'increment' ? relation.total : d.metric;
      // Each inside the range all the period's figures allow ("nearly 350" things are at most 349).
      const level = (period: string) => {
        const given = claims.filter((c) => c.metric === levelMetric && c.period === period && !c.relation).sort((a, b) => rank(a.id) - rank(b.id));
        const ranges = rows('levels').filter((r) => given.some((c) => c.id === r.claim));
        const [low, high] = [Math.max(...ranges.map((r) => r.low as number)), Math.min(...ranges.map((r) => r.high as number))];
        const first = ranges.find((r) => r.claim === given[0]!.id)!.value as number;
        return low <= high ? Math.min(Math.max(first, low), high) : first;
      };
      const now = level(d.period);
      const then = level(relation.base);
      const expectedValue = relation.type === 'ratio' ? now / then : relation.type === 'growth' ? (now / then - 1) * 100 : now - then;
      expect(implied[0]!.value as number).toBeCloseTo(expectedValue, 6);
      // Contradicted: the implied range meets none of the stated ones.
      for (const r of panel.filter((x) => !x.implied)) {
        expect((r.high as number) < (implied[0]!.low as number) || (r.low as number) > (implied[0]!.high as number), `${d.id} ${r.claim}`).toBe(true);
      }
      expect(svgText('where-sources-disagree')).toContain(String(implied[0]!.sourceLabel));
    }
  });

  it('names in the captions the findings the charted figures take part in', () => {
    const caption = (chart: string) => {
      const i = result.markdown.indexOf(`:::figure{chart="${chart}"`);
      return result.markdown.slice(i, result.markdown.indexOf('\n:::', i + 3));
    };
    const drawn = new Set(rows('disagreements').map((r) => r.finding));
    for (const [chart, dataset] of [
      ['measures', 'measures'],
      ['year-on-year', 'headline'],
    ] as const) {
      const shown = new Set(rows(dataset).map((r) => r.claim));
      const expected = result.review.discrepancies.discrepancies.filter((d) => drawn.has(d.id) && d.claims.some((c) => shown.has(c.claim))).map((d) => d.id);
      expect(expected.length, chart).toBeGreaterThan(0);
      expect(caption(chart), chart).toContain(expected.join(', '));
    }
  });

  it('shows every level figure of the topic with the most figures in one unit, by measure and source, in one scale', () => {
    const { metrics, claims } = result.review.dataset;
    // Counted here from the dataset: the topic and unit whose metrics have the most level figures.
    const count = new Map<string, number>();
    for (const m of metrics) if (m.topic) count.set(`${m.topic}|${m.unit}`, (count.get(`${m.topic}|${m.unit}`) ?? 0) + claims.filter((c) => c.metric === m.id && !c.relation).length);
    const [best] = [...count].sort((a, b) => b[1] - a[1])[0]!;
    const chosen = new Set(metrics.filter((m) => `${m.topic}|${m.unit}` === best).map((m) => m.id));
    const expected = claims.filter((c) => chosen.has(c.metric) && !c.relation).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(rows('measures').map((r) => r.claim)).toEqual(expected);
    expect(new Set(rows('measures').map((r) => r.axisTitle)).size).toBe(1);
    // The axis names the scale and the unit, from the data: no currency is written into the spec.
    expect(svgText('measures')).toContain(String(rows('measures')[0]!.axisTitle));
    // A source's own name for the measure is kept ("attracted"), not folded into the metric's.
    const own = claims.filter((c) => chosen.has(c.metric) && c.label);
    for (const c of own) expect(svgText('measures').toLowerCase()).toContain(c.label!.toLowerCase());
  });

  it('shows every partner and every event, with Vietnamese names intact', () => {
    const { partnerships, events } = result.review.dataset;
    expect(rows('partnerships').map((r) => r.partner)).toEqual(partnerships.map((p) => p.partner));
    for (const p of partnerships) expect(svgText('partnerships')).toContain(p.partner);
    expect(
      rows('events')
        .map((r) => r.id)
        .sort(),
    ).toEqual(events.map((e) => e.id).sort());
    for (const e of events) expect(svgText('events-timeline')).toContain(e.title.slice(0, 20));
    expect(svgText('events-timeline')).toContain('Hà Nội');
  });

  it('draws an event over the span its date covers', () => {
    expect(dateSpan('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31', until: '2026-01-01', precision: 'year' });
    expect(dateSpan('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', until: '2024-03-01', precision: 'month' });
    expect(dateSpan('2025-10-25')).toEqual({ start: '2025-10-25', end: '2025-10-25', until: '2025-10-26', precision: 'day' });
    expect(dateSpan('2025-12-31').until).toBe('2026-01-01');
  });

  it('gives each chart alt text that names its figures', () => {
    for (const c of result.charts) expect(c.alt.length, c.name).toBeGreaterThan(80);
    const alt = result.charts.find((c) => c.name === 'where-sources-disagree')!.alt;
    for (const r of rows('disagreements')) expect(alt).toContain(`${r.shownText} (${r.sourceLabel})`);
  });

  it.each(charts)('refuses to load data from outside for the %s chart', async (name) => {
    const spec = JSON.parse(readFileSync(join(builtinTemplateDir, 'charts', `${name}.vl.json`), 'utf8')) as { data: object };
    const input = { name, spec: { ...spec, data: { url: 'https://example.com/data.csv' } }, data: result.review.chartData };
    await expect(renderChart(input, theme)).rejects.toThrow(ReviewError);
    await expect(renderChart(input, theme)).rejects.toThrow(/example\.com/);
  });
});
