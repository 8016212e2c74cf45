// The chart stage's entry: each chart the Document shows, read from the template, drawn in the review's fonts and
// locale, and described in words. Vega is loaded only when the Document has a figure.
import { relative } from 'node:path';
import { allBlocks, plainText, type Block, type Document, type Figure, type RenderedChart, type Span } from '../document.js';
import { error, ReviewError } from '../errors.js';
import { loadFont } from '../fonts/index.js';
import type { Limits } from '../input/limits.js';
import { label, type Locale } from '../locale/index.js';
import { builtinTemplateDir, displayPath } from '../input/paths.js';
import { findTemplateFile } from '../template/index.js';
import { pageDimensions, type Theme } from '../theme/index.js';
import { checkChartFields, localiseSpec, readChartSpec, type ChartData } from './spec.js';
import type { ChartInput } from './types.js';

/** Digits and month names for chart axes, in the review's locale; day names are Intl's for its `intl` (render.ts). */
function chartLocale(locale: Locale) {
  const parts = new Intl.NumberFormat(locale.intl).formatToParts(12345.6);
  const format = locale.labels.format as Record<string, string | string[]>;
  return {
    intl: locale.intl,
    icu: process.versions.icu ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    months: format.months as string[],
    shortMonths: format.shortMonths as string[],
  };
}

/** The figures of a Document in reading order, nested ones (in lists, quotes, the cover) included. */
const figuresOf = (document: Document): Figure[] => [...allBlocks(document.blocks)].filter((b) => b.type === 'figure');

/**
 * A chart spec of the built-in template is drawn in this thread: its work is bounded by the dataset's size. One of a
 * user's template is drawn on the chart thread, stopped after the `chartSeconds` limit (it may ask Vega for anything).
 */
const trusted = (specPath: string) => !relative(builtinTemplateDir, specPath).startsWith('..');

/**
 * The height a chart may take on a page: the text frame, less the space above a figure and a caption of four lines
 * under it. A chart drawn in parts keeps each part within it.
 */
function chartRoom(theme: Theme): number {
  const [, pageHeight] = pageDimensions(theme);
  const { margins } = theme.page;
  return pageHeight - margins.top - margins.bottom - theme.figure.spaceBefore - 6 - 4 * theme.figure.captionSize * 1.4;
}

/**
 * Draws each chart the document shows, once per name, in the order of its first figure; a chart whose spec asks for
 * it and that has more panels than a part holds, in parts (`parts.ts`). Give the Document and the charts to
 * `placeFigures` next: it writes a figure per part and numbers the figures.
 */
export async function renderCharts(document: Document, data: ChartData, dirs: readonly string[], theme: Theme, locale: Locale, limits: Limits, cacheDir?: string): Promise<RenderedChart[]> {
  const figures = figuresOf(document);
  const names = [...new Set(figures.map((f) => f.chart))];
  if (!names.length) return [];
  const { renderChart, describeChart, chartDataNames, noDataChart, drawInParts } = await import('./index.js');
  const words = locale.labels.charts as Record<string, string>;
  const altWords = { chart: words.altChart!, noData: words.altNoData!, span: words.altSpan!, tally: words.altTally!, extremes: words.altExtremes! };
  const family = theme.fonts[theme.chart.font]!;
  // A family without a bold file sets bold text in its regular one, as the layout does.
  const chartFonts = { regular: family.regular, bold: family.bold ?? family.regular };
  const regular = loadFont(chartFonts.regular);
  const { margins } = theme.page;
  const [pageWidth] = pageDimensions(theme);
  const chartTheme = {
    fontFamily: regular.font.familyName,
    fonts: { regular: chartFonts.regular, bold: chartFonts.bold },
    fontSize: theme.chart.size,
    titleFontSize: theme.chart.titleSize,
    colors: theme.chart.palette,
    textColor: theme.colors.text,
    gridColor: theme.chart.grid,
    width: pageWidth - margins.left - margins.right,
    locale: chartLocale(locale),
  };
  const out: RenderedChart[] = [];
  for (const name of names) {
    const figureAt = figures.findIndex((f) => f.chart === name);
    const figure = figures[figureAt]!;
    const found = findTemplateFile(dirs, `charts/${name}.vl.json`);
    // Told where the figure asks for it: the template file and line of its directive.
    if (!found) throw new ReviewError([error('chart/unknown', `the template has no chart "${name}" (charts/${name}.vl.json)`, figure.origin ?? { file: displayPath(dirs[0]!) })]);
    const read = readChartSpec(found.path, displayPath(found.path), limits);
    const spec = localiseSpec(read, locale, data);
    checkChartFields(name, read, spec, data);
    const input = { name, file: read.file, source: read.text, spec, data };
    // A chart whose datasets are all empty is drawn as a line saying so, with a warning: a figure never vanishes.
    const wanted = chartDataNames(spec);
    const empty = wanted.length > 0 && wanted.every((n) => data[n]?.length === 0);
    if (empty) {
      out.push({ ...noDataChart(input, chartTheme, words.noData!), alt: words.noData!, fontFiles: [chartFonts.regular, chartFonts.bold] });
      continue;
    }
    const draw = (part: ChartInput) => renderChart(part, chartTheme, trusted(found.path) ? undefined : limits.chartSeconds, cacheDir);
    const parts = await drawInParts(input, draw, chartRoom(theme));
    for (const { chart, input: part, panels } of parts) {
      out.push({ ...chart, alt: describeChart(part, altWords), fontFiles: [chartFonts.regular, chartFonts.bold], ...(parts.length > 1 ? { part: { of: name, panels } } : {}) });
    }
  }
  return out;
}

/**
 * The Document with each figure of a chart drawn in parts written as one figure per part (the first with the
 * figure's caption, each after it with the locale's `figures.continuedCaption`, "Continued from Figure 5: D7–D12.",
 * all with its source line and alt text), and each chart with where the Document first shows it: its figure number,
 * caption and source line as plain text. Figures are numbered in the order they stand, as the layout numbers them.
 */
export function placeFigures(document: Document, drawn: readonly RenderedChart[], locale: Locale): { document: Document; charts: RenderedChart[] } {
  const partsOf = new Map<string, RenderedChart[]>();
  for (const c of drawn) if (c.part) partsOf.set(c.part.of, [...(partsOf.get(c.part.of) ?? []), c]);
  let number = 0;
  const expand = (blocks: readonly Block[]): Block[] =>
    blocks.flatMap((b): Block[] => {
      if (b.type === 'list') return [{ ...b, items: b.items.map(expand) }];
      if (b.type === 'blockquote' || b.type === 'cover') return [{ ...b, children: expand(b.children) }];
      if (b.type !== 'figure') return [b];
      const parts = partsOf.get(b.chart);
      number += 1;
      if (!parts) return [b];
      const first = number;
      number += parts.length - 1;
      return parts.map((part, i) => {
        const caption = i === 0 ? b.caption : [{ text: label(locale.labels, 'figures.continuedCaption', { number: String(first), panels: part.part!.panels.join('–') }) }];
        return { ...b, chart: part.name, caption };
      });
    });
  const placed = partsOf.size ? { ...document, blocks: expand(document.blocks) } : document;
  const figures = figuresOf(placed);
  const plain = (spans: readonly Span[] = []) => plainText(spans).trim();
  const charts = drawn.map((chart) => {
    const at = figures.findIndex((f) => f.chart === chart.name);
    const figure = figures[at];
    return figure ? { ...chart, figure: { number: at + 1, caption: plain(figure.caption), source: plain(figure.source), ...(figure.alt ? { alt: figure.alt } : {}) } } : chart;
  });
  return { document: placed, charts };
}
