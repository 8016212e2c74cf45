// The whole pipeline in one screen. Data flows one way; only load (first) and the caller's write (last) touch the disk.
//
//   dataset dir ─load─▶ Dataset ─analyse─▶ Review ─template─▶ Markdown ─markup─▶ Document
//   chart specs + Review.chartData ─charts─▶ SVG
//   Document + SVG ─layout─▶ pdfkit pages ─finish─▶ PDF bytes
import { performance } from 'node:perf_hooks';
import { relative } from 'node:path';
import { analyse } from './analysis/index.js';
import type { Wording } from './analysis/discrepancies/index.js';
import { loadDataset, displayPath } from './dataset/load.js';
import { plainText, type Document, type Figure, type Span } from './document.js';
import { error, failOnErrors, ReviewError, type Diagnostic } from './errors.js';
import { loadFont } from './fonts.js';
import { closest } from './suggest.js';
import { readInputTextOrThrow } from './input.js';
import { limitsWith, type Limits } from './limits.js';
import { parseMarkup } from './markup/index.js';
import { builtinTemplateDir } from './paths.js';
import type { Review } from './review.js';
import { findTemplateFile, renderTemplate } from './template/index.js';
import { messages as templateMessages } from './template/messages.js';
import { checkThemeRanges, loadTheme, pageDimensions, themeFileOf, type PageSize, type Theme } from './theme.js';
import { hasLabel, label, loadLocale, REFERENCE_LOCALE, type Locale } from './locale.js';
import type { ChartArt, LayoutResult } from './layout/index.js';
import { attachesData, DEFAULT_PDF_STANDARD, type PdfStandard } from './pdf/standard.js';
import { dataFiles, type DataFile } from './exports.js';

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
  /** Input limits raised (or lowered) over the defaults of src/limits.ts. */
  limits?: Partial<Limits>;
  /**
   * The standard the PDF claims: `a-3b` (PDF/A-3b with the data attached, the default), `a-2b` (PDF/A-2b, nothing
   * attached) or `none` (plain PDF 1.7, data attached). Every one is tagged and claims PDF/UA-1.
   */
  pdfStandard?: PdfStandard;
  /** The field delimiter of the discrepancies CSV; by default the locale's (`format.csvDelimiter`: "," in en, ";" in vi). */
  csvDelimiter?: string;
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
  /** The data files the PDF carries inside (unless it is PDF/A-2) and the exports write beside it, byte for byte the same. */
  dataFiles: DataFile[];
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

/**
 * Dataset → Review, the part every command shares; with a locale, the chart datasets too. Explanations are written
 * in the locale's words, the built-in English without one.
 */
export function loadReview(dataDir: string, locale?: Locale, limits?: Partial<Limits>, warnings?: Diagnostic[]): Review {
  const dataset = loadDataset(dataDir, limitsWith(limits), warnings);
  return analyse(dataset, wordingOf(locale ?? loadLocale(templateDirs())), locale && { name: locale.name, words: locale.labels.charts as Record<string, string>, intl: locale.intl });
}

/** What the discrepancy engine needs of a locale: its `explain` sentences and its digits. */
export const wordingOf = (locale: Locale): Wording => ({ texts: locale.labels.explain ?? {}, intl: locale.intl, money: locale.money });

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

/** Days of the week from Sunday, as Intl writes them in `intl` (1 January 2023 was a Sunday). */
const weekdays = (intl: string, weekday: 'long' | 'short') =>
  Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(intl, { weekday, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + i)));

/** Digits, month and day names for chart axes, in the review's locale. */
function chartLocale(locale: Locale) {
  const parts = new Intl.NumberFormat(locale.intl).formatToParts(12345.6);
  const format = locale.labels.format as Record<string, string | string[]>;
  return {
    days: weekdays(locale.intl, 'long'),
    shortDays: weekdays(locale.intl, 'short'),
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    months: format.months as string[],
    shortMonths: format.shortMonths as string[],
  };
}

/**
 * A chart spec with each "{label:group.key}" in its strings replaced by the locale's text, and each
 * "{data:dataset.field}" by that field of the dataset's first row (a title computed from the data, such as the unit).
 */
function localiseSpec(spec: unknown, locale: Locale, file: string, data: Review['chartData']): unknown {
  if (typeof spec === 'string') {
    return spec
      .replace(/\{label:([\w.-]+)\}/g, (_m, key: string) => {
        if (!hasLabel(locale.labels, key)) throw new ReviewError([error('chart/unknown-text', templateMessages.unknownText(key), { file })]);
        return label(locale.labels, key);
      })
      .replace(/\{data:([\w-]+)\.([\w-]+)\}/g, (_m, name: string, field: string) => {
        const value = data[name]?.[0]?.[field];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      });
  }
  if (Array.isArray(spec)) return spec.map((s) => localiseSpec(s, locale, file, data));
  if (spec && typeof spec === 'object') return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, localiseSpec(v, locale, file, data)]));
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

/**
 * A chart spec of the built-in template is drawn in this thread: its work is bounded by the dataset's size. One of a
 * user's template is drawn on the chart thread, stopped after the `chartSeconds` limit (it may ask Vega for anything).
 */
const trusted = (specPath: string) => !relative(builtinTemplateDir, specPath).startsWith('..');

/** Renders each chart the document shows; vega is loaded only when there is one. */
/** "… in JSON at position 51" → line and column of that position in the text. */
function jsonErrorAt(text: string, message: string): { line?: number; column?: number } {
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  if (!Number.isFinite(position)) return {};
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The rows of inline data (`values`) and generated data (`sequence`) anywhere in a chart spec. */
function inlineRows(spec: unknown): number {
  if (Array.isArray(spec)) return spec.reduce((n: number, s) => n + inlineRows(s), 0);
  if (!spec || typeof spec !== 'object') return 0;
  return Object.entries(spec).reduce((n, [k, v]) => n + (k === 'values' && Array.isArray(v) ? v.length : k === 'sequence' ? sequenceRows(v) : inlineRows(v)), 0);
}

/** How many rows `{"sequence": {"start", "stop", "step"}}` generates (Infinity when it cannot be told). */
function sequenceRows(sequence: unknown): number {
  const { start = 0, stop, step = 1 } = (sequence ?? {}) as { start?: unknown; stop?: unknown; step?: unknown };
  if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number' || step === 0) return Infinity;
  return Math.max(0, Math.ceil((stop - start) / step));
}

/** A chart spec read and parsed, with JSON errors at their line and column and inline data within its limit. */
function readChartSpec(path: string, limits: Limits): unknown {
  const file = displayPath(path);
  const text = readInputTextOrThrow(path, (detail) => error('chart/unknown', `cannot read the chart spec: ${detail}`, { file }), limits);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new ReviewError([error('chart/json', `invalid JSON: ${detail}`, { file, ...jsonErrorAt(text, (e as Error).message) })]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ReviewError([error('chart/invalid-spec', `a chart spec is a JSON object ({"mark": …, "encoding": …}), not ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`}`, { file })]);
  }
  const rows = inlineRows(parsed);
  if (rows > limits.chartRows) {
    throw new ReviewError([error('chart/too-much-data', `the chart spec holds or generates ${rows} rows of data of its own, more than the limit of ${limits.chartRows}`, { file }, 'raise the limit with --limit chartRows=N if this is intended')]);
  }
  return parsed;
}

/** Transforms whose output fields are not all named by an `as`: a spec using one is not checked field by field. */
const IMPLICIT_FIELDS = new Set(['fold', 'pivot', 'lookup', 'flatten', 'density', 'regression', 'loess', 'quantile', 'impute', 'stack', 'bin', 'timeUnit', 'aggregate']);

/**
 * The `field`s a chart spec names that neither its data nor its transforms supply: Vega draws an empty figure for
 * them without a word. Fields of the named datasets are the keys of their rows; inline rows and `as` add theirs.
 */
function unknownChartFields(spec: unknown, data: Review['chartData']): string[] {
  const known = new Set<string>();
  const named: unknown[] = [];
  let implicit = false;
  const fields: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (key === 'data' && typeof o.name === 'string') named.push(...(data[o.name] ?? []));
    if (key === 'data' && Array.isArray(o.values)) named.push(...o.values);
    if (key === 'transform' && Object.keys(o).some((k) => IMPLICIT_FIELDS.has(k))) implicit = true;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'as') [v].flat().forEach((a) => typeof a === 'string' && known.add(a));
      else if (k === 'field' && typeof v === 'string') fields.push(v);
      else if (k === 'repeat' || (k === 'param' && typeof v === 'string')) implicit = true;
      else walk(v, k);
    }
  };
  walk(spec);
  for (const row of named) if (row && typeof row === 'object') Object.keys(row).forEach((k) => known.add(k));
  if (implicit || !named.length) return [];
  // "a.b" reads field b of field a; "a\\.b" is a field whose name holds a dot.
  const head = (f: string) => f.split(/(?<!\\)\./)[0]!.replace(/\\\./g, '.');
  return [...new Set(fields.filter((f) => !known.has(head(f))))];
}

async function renderCharts(figures: readonly Figure[], review: Review, dirs: readonly string[], theme: Theme, locale: Locale, limits: Limits): Promise<RenderedChartFile[]> {
  const names = [...new Set(figures.map((f) => f.chart))];
  if (!names.length) return [];
  const { renderChart, describeChart, chartDataNames, noDataChart } = await import('./charts/index.js');
  const words = locale.labels.charts as Record<string, string>;
  const altWords = { chart: words.altChart!, noData: words.altNoData!, span: words.altSpan!, tally: words.altTally!, extremes: words.altExtremes! };
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
    const parsed = readChartSpec(file.path, limits);
    const spec = localiseSpec(parsed, locale, displayPath(file.path), review.chartData) as object;
    const unknownFields = unknownChartFields(spec, review.chartData);
    if (unknownFields.length) {
      throw new ReviewError(unknownFields.map((f) => error('chart/unknown-field', `chart "${name}" encodes the field "${f}", which its data does not have`, { file: displayPath(file.path) }, (() => {
        const guess = closest(f, [...new Set(Object.values(review.chartData).flatMap((rows) => rows.flatMap((r) => Object.keys(r))))]);
        return guess ? `did you mean "${guess}"?` : undefined;
      })())));
    }
    const input = { name, file: displayPath(file.path), spec, data: review.chartData };
    // A chart whose datasets are all empty is drawn as a line saying so, with a warning: a figure never vanishes.
    const wanted = chartDataNames(spec);
    const empty = wanted.length > 0 && wanted.every((n) => review.chartData[n]?.length === 0);
    const { warnings, ...chart } = empty ? noDataChart(input, chartTheme, words.noData!) : await renderChart(input, chartTheme, trusted(file.path) ? undefined : limits.chartSeconds);
    const figureAt = figures.findIndex((f) => f.chart === name);
    const figure = figures[figureAt];
    const plain = (spans: readonly Span[] = []) => plainText(spans).trim();
    out.push({
      ...chart,
      alt: empty ? words.noData! : describeChart(input, altWords),
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
  const limits = limitsWith(options.limits);
  const datasetWarnings: Diagnostic[] = [];
  const review = loadReview(options.data, locale, limits, datasetWarnings);
  t.lap('load+analyse');
  const loaded = loadTheme(dirs, locale);
  const theme: Theme = options.pageSize ? { ...loaded, page: { ...loaded.page, size: options.pageSize } } : loaded;
  checkThemeRanges(theme, themeFileOf(dirs));
  const { markdown, document, warnings } = toDocument(review, dirs, locale);
  t.lap('template+markup');
  const charts = await renderCharts(figuresOf(document), review, dirs, theme, locale, limits);
  t.lap('charts');
  const [{ createPdf, finishPdf }, { attachFiles }, { layoutDocument }] = await Promise.all([import('./pdf/document.js'), import('./pdf/attachments.js'), import('./layout/index.js')]);
  const standard = options.pdfStandard ?? DEFAULT_PDF_STANDARD;
  const doc = createPdf(document.info, theme, standard);
  const art = new Map<string, ChartArt>(charts.map((c) => [c.name, c]));
  const layout = layoutDocument(doc, document, theme, art);
  // The CSV's delimiter: the option's, else the locale's (a locale that writes decimal commas separates by ";").
  const data = dataFiles(review, options.csvDelimiter ?? String((locale.labels.format as Record<string, unknown>).csvDelimiter ?? ','));
  if (attachesData(standard)) attachFiles(doc, data, document.info.date);
  t.lap('layout');
  const pdf = await finishPdf(doc);
  t.lap('pdf');
  return { pdf, review, markdown, document, charts, layout, dataFiles: data, warnings: [...datasetWarnings, ...warnings, ...charts.flatMap((c) => c.warnings)], timings: t.timings };
}
