// The charts read as a reader would, on every dataset in data/ and in both locales of the built-in template: labels
// inside their plots, whole ticks on count axes, axes that do not blow small differences up, implied figures inside
// their own ranges, panels in the findings' numeric order, grid lines clear of labels, colours that mean the same in
// every review, no lone full-width bar, and a figure's unit written alike in every year.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { loadLocale } from '../../src/locale/index.js';
import { unitsOf } from '../../src/units/index.js';
import type { BuildResult } from '../../src/pipeline.js';
import type { RenderedChart as RenderedChartFile } from '../../src/document.js';
import { exampleBuild } from '../support.js';
import { overlap, svgBoxes, type SvgText } from './svg-boxes.js';
import { readFileSync } from 'node:fs';
import { theme } from './helpers.js';

const datasets = readdirSync(join(packageRoot, 'data')).filter((d) => existsSync(join(packageRoot, 'data', d, 'review.yaml')));
const cases = datasets.flatMap((d) => ['en', 'vi'].map((locale) => [d, locale] as const));

const chartOf = (r: BuildResult, name: string) => r.charts.filter((c) => c.name === name || c.name.startsWith(`${name}.`));
const boxes = (c: RenderedChartFile) => svgBoxes(c.svg, c.fontFiles);

/** A figure as an axis writes it in the locale ("1,000.5" in en, "1.000,5" in vi). */
function axisNumber(text: string, intl: string): number {
  const parts = new Intl.NumberFormat(intl).formatToParts(1000.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return Number(text.split(group).join('').replace(decimal, '.').replace('−', '-'));
}

/** The texts of each plot cell, in drawing order (the panels' order). */
function byCell(texts: readonly SvgText[]): SvgText[][] {
  const cells = new Map<object, SvgText[]>();
  for (const t of texts) if (t.cell) cells.set(t.cell, [...(cells.get(t.cell) ?? []), t]);
  return [...cells.values()];
}

describe.each(cases)('the charts of %s in %s', (dataset, locale) => {
  const build = () => exampleBuild(dataset, locale);
  const intl = () => loadLocale([builtinTemplateDir], locale).intl;

  it('draws every implied figure inside the range the level figures allow', async () => {
    const rows = (await build()).review.chartData.disagreements!.filter((r) => r.implied);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.shown as number, String(r.finding)).toBeGreaterThanOrEqual(r.shownLow as number);
      expect(r.shown as number, String(r.finding)).toBeLessThanOrEqual(r.shownHigh as number);
    }
  });

  it('keeps the value labels of the chart of disagreements inside their plots', async () => {
    for (const chart of chartOf(await build(), 'where-sources-disagree')) {
      const labels = boxes(chart).texts.filter((t) => t.role === 'mark');
      expect(labels.length).toBeGreaterThan(0);
      for (const t of labels) {
        expect(t.left, t.text).toBeGreaterThanOrEqual(t.cell!.left - 0.5);
        expect(t.right, t.text).toBeLessThanOrEqual(t.cell!.right + 0.5);
      }
    }
  });

  it('puts whole ticks on a count axis, and spans at least a tenth of the largest figure on every axis', async () => {
    const r = await build();
    const units = unitsOf(r.review.dataset);
    const rows = r.review.chartData.disagreements!;
    const panels = [...new Set(rows.map((x) => x.panel))];
    const cells = chartOf(r, 'where-sources-disagree').flatMap((c) => byCell(boxes(c).texts));
    expect(cells).toHaveLength(panels.length);
    panels.forEach((panel, i) => {
      const own = rows.filter((x) => x.panel === panel);
      const labels = cells[i]!.filter((t) => t.role === 'axis-label' && /\d/.test(t.text) && !own.some((x) => x.sourceLabel === t.text));
      const ticks = labels.map((t) => axisNumber(t.text, intl()));
      expect(ticks.length, String(panel)).toBeGreaterThan(1);
      const whole = own.every((x) => units.get(String(x.unit)).whole && x.scaleLabel === '');
      if (whole) for (const t of ticks) expect(Number.isInteger(t), `${panel}: ${t}`).toBe(true);
      // The stretch of figures the plot's width stands for, from where two tick labels are centred.
      const [first, last] = [labels[0]!, labels[labels.length - 1]!];
      const perPoint = (ticks[ticks.length - 1]! - ticks[0]!) / ((last.left + last.right) / 2 - (first.left + first.right) / 2);
      const cell = first.cell!;
      const largest = Math.max(...own.map((x) => Math.abs(x.shown as number)));
      expect((cell.right - cell.left) * perPoint, String(panel)).toBeGreaterThanOrEqual(largest / 10 - 1e-9);
    });
  });

  it('orders the panels by finding number', async () => {
    const r = await build();
    const titles = chartOf(r, 'where-sources-disagree').flatMap((c) =>
      boxes(c)
        .texts.filter((t) => /^D\d+ ·/.test(t.text))
        .map((t) => Number(/^D(\d+)/.exec(t.text)![1])),
    );
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual([...titles].sort((a, b) => a - b));
  });

  it('stops the grid lines of the timeline short of its labels', async () => {
    const chart = chartOf(await build(), 'events-timeline')[0]!;
    const { texts, lines } = boxes(chart);
    const grid = lines.filter((l) => l.role === 'axis-grid');
    for (const t of texts.filter((x) => x.role === 'mark')) for (const l of grid) expect(overlap(t, { ...l, left: l.left - 0.5, right: l.right + 0.5 }), t.text).toBe(false);
  });

  it('draws no lone full-width bar for a measure given for one year only', async () => {
    const r = await build();
    const rows = r.review.chartData.headline!;
    const years = (metric: unknown) => rows.filter((x) => x.metric === metric).length;
    const svg = chartOf(r, 'year-on-year')[0]!.svg;
    const bars = svg.match(/aria-roledescription="bar"/g) ?? [];
    expect(bars).toHaveLength(rows.filter((x) => years(x.metric) > 1).length);
  });

  it('writes a headline figure with its unit words alike in both years', async () => {
    const r = await build();
    const tail = (s: string) => s.replace(/^[\s\S]*\d/, '').trim();
    for (const cell of byCell(boxes(chartOf(r, 'year-on-year')[0]!).texts)) {
      const labels = cell.filter((t) => t.role === 'mark' && /\d/.test(t.text));
      if (labels.length > 1) expect(new Set(labels.map((t) => tail(t.text))).size, labels.map((t) => t.text).join(' | ')).toBe(1);
    }
  });
});

describe('the timeline', () => {
  it('gives each precision of date the same colour whichever precisions a review has', async () => {
    const r = await exampleBuild(datasets.find((d) => d.startsWith('marenna'))!);
    const spec = JSON.parse(readFileSync(join(builtinTemplateDir, 'charts', 'events-timeline.vl.json'), 'utf8'));
    const words = loadLocale([builtinTemplateDir], 'en').labels.charts as Record<string, string>;
    const localised = JSON.parse(JSON.stringify(spec).replace(/\{label:charts\.([\w-]+)\}/g, (_m, k: string) => words[k] ?? k));
    const colours = async (events: readonly object[]) => {
      const { svg } = await renderChart({ name: 'events-timeline', spec: localised, data: { events } }, theme);
      const out = new Map<string, string>();
      for (const m of svg.matchAll(/aria-label="[^"]*dated: ([^";]+)"[^>]*aria-roledescription="bar"[^>]*fill="([^"]+)"/g)) out.set(m[1]!, m[2]!);
      return out;
    };
    const events = r.review.chartData.events!;
    const all = await colours(events);
    expect(all.size).toBeGreaterThan(1);
    const some = await colours(events.filter((e) => e.precision !== 'year'));
    expect(some.size).toBeGreaterThan(0);
    for (const [dated, colour] of some) expect(colour, dated).toBe(all.get(dated));
  });
});
