// A chart of disagreements with more panels than a page holds is drawn as several figures of whole panels, never cut
// at the page foot: on a fictional review with a dozen contested figures (built whole, in both locales) and on one
// with over a thousand (its chart alone). Panels keep the findings' numeric order: D2 before D10, D10 before D100.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawInParts, renderChart, type ChartInput, type ChartPart, type DrawnChart } from '../../src/charts/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { buildReport, loadReview } from '../../src/pipeline.js';
import { loadLocale, label } from '../../src/locale/index.js';
import { loadTheme, pageDimensions } from '../../src/theme/index.js';
import { readPdf } from '../pdf-reader.js';
import { theme } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * The fictional base dataset with `count` more measures, each given differently by its two sources (100 + k against
 * 200 + k ships' worth of a fictional count): one contested figure each.
 */
function contested(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ar-parts-'));
  made.push(dir);
  cpSync(join(packageRoot, 'tests', 'fixtures', 'base-dataset'), dir, { recursive: true });
  const metrics = Array.from({ length: count }, (_, k) => `  - { id: measure-${k}, label: Fictional measure ${k}, unit: count, description: A fictional count. }\n`);
  const claim = (k: number, source: string, value: number) =>
    `  - { id: ${source}-measure-${k}, source: ${source}, metric: measure-${k}, period: "2030", value: ${value}, scale: one, unit: count, hedge: none, printed: "${value}", quote: "${value} of them" }\n`;
  const claims = Array.from({ length: count }, (_, k) => claim(k, 'gazette', 100 + k) + claim(k, 'council', 200 + k));
  writeFileSync(join(dir, 'metrics.yaml'), readFileSync(join(dir, 'metrics.yaml'), 'utf8') + metrics.join(''));
  writeFileSync(join(dir, 'claims.yaml'), readFileSync(join(dir, 'claims.yaml'), 'utf8') + claims.join(''));
  return dir;
}

const findingOf = (title: string) => Number(/^D(\d+) ·/.exec(title)?.[1]);
const panelTitles = (svg: string) => [...svg.matchAll(/<text\b[^>]*>(D\d+ · [^<]*)<\/text>/g)].map((m) => m[1]!);

/** The height a page gives a figure: the text frame of the built-in theme's page. */
function frameHeight(locale: string): number {
  const t = loadTheme([builtinTemplateDir], loadLocale([builtinTemplateDir], locale));
  return pageDimensions(t)[1] - t.page.margins.top - t.page.margins.bottom;
}

describe.each(['en', 'vi'])('a review with a dozen contested figures, in %s', (locale) => {
  it('draws its chart of disagreements as figures of at most six panels, in numeric order, each on a page', async () => {
    const r = await buildReport({ data: contested(12), locale });
    const parts = r.charts.filter((c) => c.name === 'where-sources-disagree' || c.part?.of === 'where-sources-disagree');
    expect(parts.length).toBeGreaterThan(1);
    const drawn = parts.map((c) => panelTitles(c.svg).map(findingOf));
    for (const panels of drawn) expect(panels.length).toBeLessThanOrEqual(6);
    const expected = [...new Set(r.review.chartData.disagreements!.map((row) => Number(row.findingNumber)))].sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(drawn.flat()).toEqual(expected);
    for (const c of parts) expect(c.height).toBeLessThanOrEqual(frameHeight(locale));

    // Each later part is its own figure, captioned as the continuation of the first, in the locale's words.
    const first = parts[0]!.figure!.number;
    parts.forEach((c, i) => expect(c.figure!.number).toBe(first + i));
    const labels = loadLocale([builtinTemplateDir], locale).labels;
    for (const c of parts.slice(1)) {
      const [from, to] = [drawn[parts.indexOf(c)]![0], drawn[parts.indexOf(c)]!.at(-1)];
      expect(c.figure!.caption).toBe(label(labels, 'figures.continuedCaption', { number: String(first), panels: `D${from}–D${to}` }));
    }
    const pdf = await readPdf(r.pdf);
    const text = pdf.pages.join('\n');
    for (const c of parts.slice(1)) expect(text.replace(/\s+/g, ' ')).toContain(c.figure!.caption);
  }, 60_000);
});

describe('a review with over a thousand contested figures', () => {
  let loaded: ReturnType<typeof loadReview> | undefined;
  const review = () => (loaded ??= loadReview(contested(1010), loadLocale([builtinTemplateDir], 'en')));
  const spec = () => JSON.parse(readFileSync(join(builtinTemplateDir, 'charts', 'where-sources-disagree.vl.json'), 'utf8')) as object;
  const findingsOf = (part: ChartPart) => [...new Set(part.input.data.disagreements!.map((row) => (row as { findingNumber: number }).findingNumber))];
  /** Draws for real only the part holding D100; the others are given the height of their panels, 90 points each. */
  const drawSome =
    (perPanel: number) =>
    async (part: ChartInput): Promise<DrawnChart> => {
      const findings = new Set(part.data.disagreements!.map((row) => (row as { findingNumber: number }).findingNumber));
      return findings.has(100) ? renderChart(part, theme) : { name: part.name, svg: '', width: 467, height: findings.size * perPanel, warnings: [] };
    };

  it('splits its chart of disagreements into parts of whole panels, at most six each, in numeric order', async () => {
    const input = { name: 'where-sources-disagree', spec: spec(), data: review().chartData };
    const parts = await drawInParts(input, drawSome(90), frameHeight('en'));
    const findings = parts.map(findingsOf);
    for (const f of findings) expect(f.length).toBeLessThanOrEqual(6);
    const all = findings.flat();
    expect(all.length).toBeGreaterThan(1000);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(new Set(all).size).toBe(all.length);
    // Within a part too, D100 comes after D99, not after D10.
    const drawn = parts.find((p) => p.chart.svg !== '')!;
    const titles = panelTitles(drawn.chart.svg).map(findingOf);
    expect(titles).toContain(100);
    expect(titles).toEqual([...titles].sort((a, b) => a - b));
    expect(parts.map((p) => p.chart.name).slice(0, 3)).toEqual(['where-sources-disagree', 'where-sources-disagree.2', 'where-sources-disagree.3']);
    expect(parts[1]!.panels).toEqual([`D${findings[1]![0]}`, `D${findings[1]!.at(-1)}`]);
  }, 60_000);

  it('halves a part taller than the room until it fits', async () => {
    const input = { name: 'where-sources-disagree', spec: spec(), data: review().chartData };
    // Panels of 200 points in a room of 450: no more than two to a part.
    const parts = await drawInParts(input, drawSome(200), 450);
    for (const p of parts.filter((x) => x.chart.svg === '')) {
      expect(findingsOf(p).length).toBeLessThanOrEqual(2);
      expect(p.chart.height).toBeLessThanOrEqual(450);
    }
    expect(parts.flatMap(findingsOf).length).toBeGreaterThan(1000);
  }, 60_000);
});
