// The whole pipeline in one screen. Data flows one way; only load (first) and the caller's write (last) touch the disk.
//
//   dataset dir ─load─▶ Dataset ─analyse─▶ Review ─template─▶ Markdown ─markup─▶ Document
//   chart specs + Review.chartData ─charts─▶ SVG
//   Document + SVG ─layout─▶ pdfkit pages ─finish─▶ PDF bytes
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyse } from './analysis/index.js';
import { loadDataset, displayPath } from './dataset/load.js';
import { plainText, type Document, type Figure, type Span } from './document.js';
import { error, failOnErrors, ReviewError, type Diagnostic } from './errors.js';
import { loadFont } from './fonts.js';
import { parseMarkup } from './markup/index.js';
import { builtinTemplateDir } from './paths.js';
import type { Review } from './review.js';
import { findTemplateFile, renderTemplate } from './template/index.js';
import { messages as templateMessages } from './template/messages.js';
import { loadTheme, pageDimensions, type PageSize, type Theme } from './theme.js';
import { hasLabel, label, loadLocale, REFERENCE_LOCALE, type Locale } from './locale.js';
import type { ChartArt, LayoutResult } from './layout/index.js';

export interface BuildOptions {
  /** The dataset folder. */
  data: string;
  /** A template folder whose files override the built-in template's, file by file. */
  template?: string;
  /**
   * The template's words and the way numbers, money and dates are written: a name of the template's
   * `locales/<name>.yaml` files (`en`, the default, or `vi` in the built-in template). The dataset's own text stays
   * as written.
   */
  locale?: string;
  /** Paper size, over the theme's `page.size`. */
  pageSize?: PageSize;
  /** Told as each stage ends, with its time in milliseconds (the CLI's progress on a terminal). */
  onStage?: (stage: string, ms: number) => void;
}

/** A chart as drawn for the review: the SVG placed in the PDF and what is needed to use it elsewhere. */
export interface RenderedChartFile {
  /** The chart's name: its spec is `charts/<name>.vl.json` of the template. */
  name: string;
  svg: string;
  /** Size in points. */
  width: number;
  height: number;
  /** Alt text computed from the chart's data. */
  alt: string;
  /** The font files the chart's text is set in (regular, bold), for rasterising it elsewhere. */
  fontFiles: string[];
  /** Where the document first shows the chart: its figure number, caption and source line as plain text. */
  figure?: { number: number; caption: string; source: string; alt?: string };
  warnings: Diagnostic[];
}

/** A built review: the PDF and every stage's result on the way to it. */
export interface BuildResult {
  /** The PDF file's bytes. */
  pdf: Buffer;
  /** The dataset with its discrepancies, citation numbers and chart data. */
  review: Review;
  /** What the template wrote: Markdown with directives. */
  markdown: string;
  /** The parsed Markdown, as laid out. */
  document: Document;
  /** Each chart the review shows. */
  charts: RenderedChartFile[];
  /** Where things landed: the page count and each heading's page. */
  layout: LayoutResult;
  /** Problems that did not stop the build. */
  warnings: Diagnostic[];
  /** Milliseconds per stage, for the benchmark. */
  timings: Record<string, number>;
}

export const templateDirs = (template?: string) => (template ? [template, builtinTemplateDir] : [builtinTemplateDir]);

function timer(onStage?: BuildOptions['onStage']) {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = (timings[stage] ?? 0) + now - last;
      onStage?.(stage, now - last);
      last = now;
    },
  };
}

/** Dataset → Review, the part every command shares; with a locale, the chart datasets too. */
export function loadReview(dataDir: string, locale?: Locale): Review {
  return analyse(loadDataset(dataDir), locale && { words: locale.labels.charts as Record<string, string>, intl: locale.intl });
}

/** Review → Document, through the template and the Markdown parser. */
export function toDocument(review: Review, dirs: readonly string[], locale: Locale): { markdown: string; document: Document; warnings: Diagnostic[] } {
  const { markdown, file } = renderTemplate(review, dirs, locale);
  const { blocks, diagnostics } = parseMarkup(markdown, review.cite, `${displayPath(file)} (rendered Markdown)`);
  const warnings = failOnErrors(diagnostics);
  const meta = review.dataset.meta;
  const info = {
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle, subject: meta.subtitle } : {}),
    author: meta.author,
    keywords: meta.keywords ?? [],
    date: meta.date,
    language: meta.language,
  };
  return { markdown, document: { info, blocks }, warnings };
}

/** Digits and month names for chart axes, in the review's locale. */
function chartLocale(locale: Locale) {
  const parts = new Intl.NumberFormat(locale.intl).formatToParts(12345.6);
  const format = locale.labels.format as Record<string, string | string[]>;
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    months: format.months as string[],
    shortMonths: format.shortMonths as string[],
  };
}

/** A chart spec with each "{label:group.key}" in its strings replaced by the locale's text. */
function localiseSpec(spec: unknown, locale: Locale, file: string): unknown {
  if (typeof spec === 'string') {
    return spec.replace(/\{label:([\w.-]+)\}/g, (_m, key: string) => {
      if (!hasLabel(locale.labels, key)) throw new ReviewError([error('chart/unknown-text', templateMessages.unknownText(key), { file })]);
      return label(locale.labels, key);
    });
  }
  if (Array.isArray(spec)) return spec.map((s) => localiseSpec(s, locale, file));
  if (spec && typeof spec === 'object') return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, localiseSpec(v, locale, file)]));
  return spec;
}

function figuresOf(document: Document): Figure[] {
  const out: Figure[] = [];
  const walk = (blocks: Document['blocks']) => {
    for (const b of blocks) {
      if (b.type === 'figure') out.push(b);
      else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'blockquote' || b.type === 'cover') walk(b.children);
    }
  };
  walk(document.blocks);
  return out;
}

/** Renders each chart the document shows; vega is loaded only when there is one. */
async function renderCharts(figures: readonly Figure[], review: Review, dirs: readonly string[], theme: Theme, locale: Locale): Promise<RenderedChartFile[]> {
  const names = [...new Set(figures.map((f) => f.chart))];
  if (!names.length) return [];
  const { renderChart, describeChart } = await import('./charts/index.js');
  const chartFonts = theme.fonts[theme.chart.font]!;
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
  const out: RenderedChartFile[] = [];
  for (const name of names) {
    const file = findTemplateFile(dirs, `charts/${name}.vl.json`);
    if (!file) throw new ReviewError([error('chart/unknown', `the template has no chart "${name}" (charts/${name}.vl.json)`, { file: displayPath(dirs[0]!) })]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file.path, 'utf8'));
    } catch (e) {
      throw new ReviewError([error('chart/json', `invalid JSON: ${(e as Error).message}`, { file: displayPath(file.path) })]);
    }
    const spec = localiseSpec(parsed, locale, displayPath(file.path)) as object;
    const input = { name, file: displayPath(file.path), spec, data: review.chartData };
    const { warnings, ...chart } = await renderChart(input, chartTheme);
    const figureAt = figures.findIndex((f) => f.chart === name);
    const figure = figures[figureAt];
    const plain = (spans: readonly Span[] = []) => plainText(spans).trim();
    out.push({
      ...chart,
      alt: describeChart(input),
      fontFiles: [chartFonts.regular, chartFonts.bold],
      ...(figure ? { figure: { number: figureAt + 1, caption: plain(figure.caption), source: plain(figure.source), ...(figure.alt ? { alt: figure.alt } : {}) } } : {}),
      warnings,
    });
  }
  return out;
}

/** Builds the review PDF in memory. Throws a ReviewError with located diagnostics on bad input. */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const t = timer(options.onStage);
  const dirs = templateDirs(options.template);
  const locale = loadLocale(dirs, options.locale ?? REFERENCE_LOCALE);
  const review = loadReview(options.data, locale);
  t.lap('load+analyse');
  const loaded = loadTheme(dirs, locale);
  const theme: Theme = options.pageSize ? { ...loaded, page: { ...loaded.page, size: options.pageSize } } : loaded;
  const { markdown, document, warnings } = toDocument(review, dirs, locale);
  t.lap('template+markup');
  const charts = await renderCharts(figuresOf(document), review, dirs, theme, locale);
  t.lap('charts');
  const [{ createPdf, finishPdf }, { layoutDocument }] = await Promise.all([import('./pdf/document.js'), import('./layout/index.js')]);
  const doc = createPdf(document.info, theme);
  const art = new Map<string, ChartArt>(charts.map((c) => [c.name, c]));
  const layout = layoutDocument(doc, document, theme, art);
  t.lap('layout');
  const pdf = await finishPdf(doc);
  t.lap('pdf');
  return { pdf, review, markdown, document, charts, layout, warnings: [...warnings, ...charts.flatMap((c) => c.warnings)], timings: t.timings };
}
