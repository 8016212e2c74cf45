// Fidelity: what the PDF shows of each chart is what Vega drew. The chart's SVG is rasterised by librsvg
// (rsvg-convert) with the report's own font files, the PDF page region by poppler (pdftoppm), and the two
// pictures are compared pixel by pixel. Both tools are required: a missing tool fails the test.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { builtinTemplateDir, defaultDataDir } from '../../src/paths.js';
import { buildReport, type RenderedChartFile } from '../../src/pipeline.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme, pageDimensions } from '../../src/theme.js';

const theme = loadTheme([builtinTemplateDir]);
/** Pixels per point of both pictures. */
const ZOOM = 2;
let work: string;
let charts: RenderedChartFile[];

interface Grey {
  width: number;
  height: number;
  /** 0 (black) to 255 (white), row by row. */
  values: Float64Array;
}

function grey(file: string): Grey {
  const png = PNG.sync.read(readFileSync(file));
  const values = new Float64Array(png.width * png.height);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b, a] = [png.data[4 * i]!, png.data[4 * i + 1]!, png.data[4 * i + 2]!, png.data[4 * i + 3]! / 255];
    // Composited on white, as both tools are asked to.
    values[i] = (0.299 * r + 0.587 * g + 0.114 * b) * a + 255 * (1 - a);
  }
  return { width: png.width, height: png.height, values };
}

/** Mean absolute difference (0–255) over 2 × 2 blocks, which forgives anti-aliasing at edges but not a moved mark. */
function difference(a: Grey, b: Grey): number {
  const width = Math.min(a.width, b.width) >> 1;
  const height = Math.min(a.height, b.height) >> 1;
  const block = (g: Grey, x: number, y: number) =>
    (g.values[2 * y * g.width + 2 * x]! + g.values[2 * y * g.width + 2 * x + 1]! + g.values[(2 * y + 1) * g.width + 2 * x]! + g.values[(2 * y + 1) * g.width + 2 * x + 1]!) / 4;
  let sum = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) sum += Math.abs(block(a, x, y) - block(b, x, y));
  return sum / (width * height);
}

/** librsvg finds fonts through fontconfig: give it exactly the chart family's files, nothing of the system's. */
function fontConfig(): string {
  const dir = join(work, 'fonts');
  mkdirSync(dir, { recursive: true });
  const family = theme.fonts[theme.chart.font]!;
  for (const file of [family.regular, family.bold]) copyFileSync(file, join(dir, basename(file)));
  const conf = join(work, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${dir}</dir><cachedir>${join(work, 'cache')}</cachedir></fontconfig>\n`);
  return conf;
}

function rasteriseSvg(svg: string, name: string): Grey {
  const file = join(work, `${name}.svg`);
  writeFileSync(file, svg);
  const png = join(work, `${name}.svg.png`);
  execFileSync('rsvg-convert', ['--zoom', String(ZOOM), '--background-color', 'white', '--output', png, file], { env: { ...process.env, FONTCONFIG_FILE: fontConfig() } });
  return grey(png);
}

/** The chart placed alone on a page by the layout, and that page's region under it rasterised. */
async function rasterisePdf(chart: RenderedChartFile): Promise<Grey> {
  const info = { title: 'Fidelity', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
  const doc = createPdf(info, theme);
  const document: Document = { info, blocks: [{ type: 'figure', chart: chart.name, caption: [] }] };
  layoutDocument(doc, document, theme, new Map([[chart.name, chart]]));
  const pdf = join(work, `${chart.name}.pdf`);
  writeFileSync(pdf, await finishPdf(doc));
  // A lone figure stands at the top of the text frame, centred in it (the space above a block is dropped at a page top).
  const { left, right, top } = theme.page.margins;
  const frame = pageDimensions(theme)[0] - left - right;
  const x = left + (frame - chart.width) / 2;
  const crop = [x, top, chart.width, chart.height].map((v) => String(Math.round(v * ZOOM)));
  const out = join(work, `${chart.name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', String(72 * ZOOM), '-f', '1', '-l', '1', '-x', crop[0]!, '-y', crop[1]!, '-W', crop[2]!, '-H', crop[3]!, '-singlefile', pdf, out]);
  return grey(`${out}.png`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-fidelity-'));
  charts = (await buildReport({ data: defaultDataDir })).charts;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Above this mean difference the pictures differ visibly. Measured on the 2025 review: the charts as drawn score
 * 0.3–1.6 (anti-aliasing), the year-on-year chart moved by 2 pt about 5, another chart over 40.
 */
const THRESHOLD = 3;

describe('chart fidelity', () => {
  it.each(['year-on-year', 'where-sources-disagree', 'investment', 'partnerships', 'events-timeline'])('draws the %s chart in the PDF as Vega drew it', async (name) => {
    const chart = charts.find((c) => c.name === name)!;
    const drawn = rasterisePdf(chart);
    const expected = rasteriseSvg(chart.svg, name);
    // The same size to a pixel of rounding: a chart drawn at another scale is another picture.
    expect(Math.abs((await drawn).width - expected.width)).toBeLessThanOrEqual(1);
    expect(Math.abs((await drawn).height - expected.height)).toBeLessThanOrEqual(1);
    expect(difference(await drawn, expected)).toBeLessThan(THRESHOLD);
  });

  it('tells a different picture apart: the same chart moved by 2 pt, and another chart', async () => {
    const chart = charts.find((c) => c.name === 'year-on-year')!;
    const drawn = await rasterisePdf(chart);
    const moved = chart.svg.replace(/^<svg([^>]*)>/, '<svg$1><g transform="translate(2,0)">').replace(/<\/svg>\s*$/, '</g></svg>');
    expect(difference(drawn, rasteriseSvg(moved, 'moved'))).toBeGreaterThan(THRESHOLD);
    const other = charts.find((c) => c.name === 'investment')!;
    expect(difference(drawn, rasteriseSvg(other.svg, 'other'))).toBeGreaterThan(THRESHOLD);
  });
});
