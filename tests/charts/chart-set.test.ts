// The template's chart set on the 2025 dataset: every chart drawn without warnings from data derived from the
// dataset and the discrepancy report, its figures printed as text, and no chart able to load anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateSpan } from '../../src/analysis/chart-data.js';
import { renderChart } from '../../src/charts/index.js';
import { ReviewError } from '../../src/errors.js';
import { builtinTemplateDir, defaultDataDir } from '../../src/paths.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import { texts, theme } from './helpers.js';

let result: BuildResult;
const charts = readdirSync(join(builtinTemplateDir, 'charts')).filter((f) => f.endsWith('.vl.json')).map((f) => f.replace('.vl.json', ''));
const rows = (name: string) => result.review.chartData[name] ?? [];
const svgText = (name: string) => texts(result.charts.find((c) => c.name === name)!.svg).join(' ');

beforeAll(async () => {
  result = await buildReport({ data: defaultDataDir });
});

describe('the chart set', () => {
  it('draws every chart of the template in the review, fitted to the column, without warnings', () => {
    expect(result.charts.map((c) => c.name).sort()).toEqual([...charts].sort());
    expect(charts).toEqual(expect.arrayContaining(['year-on-year', 'where-sources-disagree', 'investment', 'partnerships', 'events-timeline']));
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
    expect(rows('disagreements').map((r) => `${r.finding} ${r.claim}`)).toEqual(expected);
    for (const r of rows('disagreements')) {
      // The range is the hedge's: "nearly 23 billion" runs up to 23 billion, never above.
      expect(r.low as number).toBeLessThanOrEqual(r.value as number);
      expect(r.high as number).toBeGreaterThanOrEqual(r.value as number);
      expect(svgText('where-sources-disagree')).toContain(String(r.printed));
      expect(svgText('where-sources-disagree')).toContain(String(r.finding));
    }
  });

  it('shows every level figure of the investment metrics, by measure and source', () => {
    const { metrics, claims } = result.review.dataset;
    const investment = new Set(metrics.filter((m) => m.topic === 'investment' && m.unit === 'USD').map((m) => m.id));
    const expected = claims.filter((c) => investment.has(c.metric) && !c.relation).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(rows('investment').map((r) => r.claim)).toEqual(expected);
    // A source's own name for the measure is kept ("attracted"), not folded into the metric's.
    const own = claims.filter((c) => investment.has(c.metric) && c.label);
    for (const c of own) expect(svgText('investment').toLowerCase()).toContain(c.label!.toLowerCase());
  });

  it('shows every partner and every event, with Vietnamese names intact', () => {
    const { partnerships, events } = result.review.dataset;
    expect(rows('partnerships').map((r) => r.partner)).toEqual(partnerships.map((p) => p.partner));
    for (const p of partnerships) expect(svgText('partnerships')).toContain(p.partner);
    expect(rows('events').map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const e of events) expect(svgText('events-timeline')).toContain(e.title.slice(0, 20));
    expect(svgText('events-timeline')).toContain('Hà Nội');
  });

  it('draws an event over the span its date covers', () => {
    expect(dateSpan('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31', precision: 'year' });
    expect(dateSpan('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    expect(dateSpan('2025-10-25')).toEqual({ start: '2025-10-25', end: '2025-10-25', precision: 'day' });
  });

  it('gives each chart alt text that names its figures', () => {
    for (const c of result.charts) expect(c.alt.length, c.name).toBeGreaterThan(80);
    const alt = result.charts.find((c) => c.name === 'where-sources-disagree')!.alt;
    for (const r of rows('disagreements')) expect(alt).toContain(`${r.printed} (${r.sourceLabel})`);
  });

  it.each(charts)('refuses to load data from outside for the %s chart', async (name) => {
    const spec = JSON.parse(readFileSync(join(builtinTemplateDir, 'charts', `${name}.vl.json`), 'utf8')) as { data: object };
    const input = { name, spec: { ...spec, data: { url: 'https://example.com/data.csv' } }, data: result.review.chartData };
    await expect(renderChart(input, theme)).rejects.toThrow(ReviewError);
    await expect(renderChart(input, theme)).rejects.toThrow(/example\.com/);
  });
});
