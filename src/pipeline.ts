// The whole pipeline in one screen. Data flows one way; only load (first) and the caller's write (last) touch the disk.
//
//   1 dataset dir ─load─▶ Dataset ─analyse─▶ Review            (dataset/, analysis/)
//   2 Review ─template─▶ Markdown ─markup─▶ Document            (template/, markup/)
//   3 Document's figures + Review.chartData ─charts─▶ SVG       (charts/)
//   4 Document + SVG ─layout─▶ pdfkit pages ─finish─▶ PDF bytes (layout/, pdf/)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyse } from './analysis/index.js';
import type { Wording } from './analysis/index.js';
import { loadDataset } from './dataset/index.js';
import type { Document, RenderedChart } from './document.js';
import { failOnErrors, type Diagnostic } from './errors.js';
import { limitsWith, type Limits } from './input/limits.js';
import { builtinTemplateDir } from './input/paths.js';
import { keepYamlIn } from './input/yaml.js';
import type { Review } from './review.js';
import { checkThemeRanges, loadTheme, themeFileOf, type PageSize, type Theme } from './theme/index.js';
import { loadLocale, REFERENCE_LOCALE, type Locale } from './locale/index.js';
import type { LayoutResult, Places } from './layout/types.js';
import { attachesData, DEFAULT_PDF_STANDARD, type PdfSink, type PdfStandard } from './pdf/index.js';
import { dataFiles, type DataFile } from './exports/index.js';
import { saveShapes, useShapeStore } from './fonts/shapes.js';
import { keepSubsetsIn, saveSubsets } from './fonts/subsets.js';
import { keepHyphenationIn, saveHyphenation } from './text/hyphenation.js';
import type { MarkupCache } from './markup/index.js';

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
  /** Input limits raised (or lowered) over the defaults of src/input/limits.ts. */
  limits?: Partial<Limits>;
  /**
   * The standard the PDF claims: `a-3b` (PDF/A-3b with the data attached, the default), `a-2b` (PDF/A-2b, nothing
   * attached) or `none` (plain PDF 1.7, data attached). Every one is tagged and claims PDF/UA-1.
   */
  pdfStandard?: PdfStandard;
  /** The field delimiter of the discrepancies CSV; by default the locale's (`format.csvDelimiter`: "," in en, ";" in vi). */
  csvDelimiter?: string;
  /**
   * A folder where drawn charts are kept between runs, each under a hash of everything that decides it (spec, data,
   * theme, the fonts' bytes, the versions of Vega, Vega-Lite and the drawing code): a chart whose inputs have not
   * changed is read back, not drawn; so is each string's shaping (glyphs and positions, per font and review), each
   * word's hyphenation (per language and review), each YAML file's reading, the template's compiled code and the
   * syntax tree of the review's Markdown. Absent: charts, shapings, hyphenations and compiled templates are kept only
   * in this process's memory, and YAML and Markdown are parsed. The CLI's `--cache-dir`.
   */
  cacheDir?: string;
  /** Told as each stage ends, with its time in milliseconds (the CLI's progress on a terminal). */
  onStage?: (stage: string, ms: number) => void;
  /**
   * Told as the layout begins each page after the first, which comes with the document (the command line sizes a
   * large review's heap by it).
   */
  onPage?: () => void;
  /** Given the template's Markdown as soon as it is rendered, before it is parsed (`build --emit-markdown`). */
  onMarkdown?: (markdown: string) => void;
}

/** A chart as drawn for the review (the one type for it, kept by this name for the library's users). */
export type RenderedChartFile = RenderedChart;

/** A built review: the PDF and every stage's result on the way to it. */
export interface BuildResult {
  /**
   * The PDF file's bytes. A build keeps them in the parts they were written in, and joins them into this one buffer
   * the first time it is read: writing them (`buildReportToFile`, the CLI) goes by `pdfParts` and never joins them.
   */
  pdf: Buffer;
  /** The dataset with its discrepancies, citation numbers and chart data. */
  review: Review;
  /** What the template wrote: Markdown with directives. */
  markdown: string;
  /** The parsed Markdown, as laid out. */
  document: Document;
  /** Each chart the review shows. */
  charts: RenderedChart[];
  /** Where things landed: the page count and each heading's page. */
  layout: LayoutResult;
  /** The page of each discrepancy and each figure (what `annual-review preview` links to). */
  places: Places;
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
  return analyse(
    dataset,
    wordingOf(locale ?? loadLocale(templateDirs())),
    locale && { name: locale.name, words: locale.labels.charts as Record<string, string>, intl: locale.intl, money: locale.money },
  );
}

/** What the discrepancy engine needs of a locale: its `explain` sentences and its digits. */
export const wordingOf = (locale: Locale): Wording => ({ texts: locale.labels.explain ?? {}, intl: locale.intl, money: locale.money });

/** Review → Document, through the template and the Markdown parser (loaded here, so that `discrepancies` never loads them). */
export async function toDocument(
  review: Review,
  dirs: readonly string[],
  locale: Locale,
  onMarkdown?: (markdown: string) => void,
  cache?: MarkupCache,
): Promise<{ markdown: string; document: Document; warnings: Diagnostic[] }> {
  const [{ renderTemplate }, { parseMarkup }] = await Promise.all([import('./template/index.js'), import('./markup/index.js')]);
  const { markdown, origins } = renderTemplate(review, dirs, locale, cache?.dir);
  onMarkdown?.(markdown);
  const { blocks, diagnostics } = parseMarkup(markdown, (id) => review.cite(id), origins, cache);
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

/** Builds the review PDF in memory. Throws a ReviewError with located diagnostics on bad input. */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const { result, parts } = await build(options);
  return withPdfInParts(result, parts);
}

/**
 * Builds the review with its PDF's bytes given to a sink as they are written (each part at its place in the file,
 * the first bytes last), not kept: the result has no `pdf`. The sink is asked for once the dataset is read, so that
 * it can depend on the review (the file named by its id). How `buildReportToFile` writes its file.
 */
export async function buildReportInto(options: BuildOptions, sinkFor: (review: Review) => PdfSink): Promise<Omit<BuildResult, 'pdf'>> {
  return (await build(options, sinkFor)).result;
}

async function build(options: BuildOptions, sinkFor?: (review: Review) => PdfSink): Promise<{ result: Omit<BuildResult, 'pdf'>; parts: Buffer[] }> {
  const t = timer(options.onStage);
  const dirs = templateDirs(options.template);
  // YAML read, strings shaped, words hyphenated and Markdown parsed in an earlier run are read back from the cache
  // folder, as charts are; each review (dataset, template, locale) keeps its own.
  const scope = JSON.stringify([resolve(options.data), ...dirs.map((d) => resolve(d)), options.locale ?? REFERENCE_LOCALE]);
  useShapeStore(options.cacheDir, scope);
  keepSubsetsIn(options.cacheDir, scope);
  keepHyphenationIn(options.cacheDir, scope);
  keepYamlIn(options.cacheDir);
  const locale = loadLocale(dirs, options.locale ?? REFERENCE_LOCALE);
  const limits = limitsWith(options.limits);
  // 1. The dataset, checked and analysed: discrepancies, citations, chart data.
  const datasetWarnings: Diagnostic[] = [];
  const review = loadReview(options.data, locale, limits, datasetWarnings);
  t.lap('load+analyse');
  const loaded = loadTheme(dirs, locale);
  const theme: Theme = options.pageSize ? { ...loaded, page: { ...loaded.page, size: options.pageSize } } : loaded;
  checkThemeRanges(theme, themeFileOf(dirs));
  // 2. The template's Markdown, parsed into the Document; every block knows the template line that wrote it.
  const parsed = await toDocument(review, dirs, locale, options.onMarkdown, options.cacheDir === undefined ? undefined : { dir: options.cacheDir, review: scope });
  const { markdown, warnings } = parsed;
  t.lap('template+markup');
  // 3. The charts the Document's figures show.
  const { renderCharts, placeFigures } = await import('./charts/stage.js');
  // A chart drawn in parts becomes a figure per part.
  const { document, charts } = placeFigures(parsed.document, await renderCharts(parsed.document, review.chartData, dirs, theme, locale, limits, options.cacheDir), locale);
  t.lap('charts');
  // 4. Pages, with the data files inside, then the PDF's bytes.
  const [{ createPdf, finishPdfInParts, keepDeflatedIn, saveDeflated }, { attachFiles }, { layoutDocument, placesOf, keepDrawingsIn, saveDrawings }] = await Promise.all([
    import('./pdf/document.js'),
    import('./pdf/attachments.js'),
    import('./layout/index.js'),
  ]);
  keepDrawingsIn(options.cacheDir, scope);
  keepDeflatedIn(options.cacheDir, scope);
  const standard = options.pdfStandard ?? DEFAULT_PDF_STANDARD;
  const doc = createPdf(document.info, theme, standard, sinkFor?.(review));
  // The first page comes with the document, before the layout sets up its fonts; each one added after it is told.
  if (options.onPage) doc.on('pageAdded', options.onPage);
  const layout = layoutDocument(doc, document, theme, new Map(charts.map((c) => [c.name, c])));
  t.lap('layout');
  // The data files are made once the layout's stage has ended, when what it left behind can be collected (the command
  // line collects a large review's heap between stages): the ×100 review's are 22 MB of text.
  // The CSV's delimiter: the option's, else the locale's (a locale that writes decimal commas separates by ";").
  const data = dataFiles(review, options.csvDelimiter ?? (locale.labels.format as Record<string, string | undefined>).csvDelimiter ?? ',');
  if (attachesData(standard)) attachFiles(doc, data, document.info.date);
  const pdf = await finishPdfInParts(doc);
  saveShapes();
  saveSubsets();
  saveHyphenation();
  saveDrawings();
  saveDeflated();
  t.lap('pdf');
  return {
    result: {
      review,
      markdown,
      document,
      charts,
      layout,
      places: placesOf(review, layout),
      dataFiles: data,
      warnings: [...datasetWarnings, ...warnings, ...charts.flatMap((c) => c.warnings)],
      timings: t.timings,
    },
    parts: pdf,
  };
}

/** Where the PDF of a result not read yet is: in the parts it was written in, or in the file it was written to. */
type PdfSource = { parts: readonly Buffer[] } | { file: string; size: number };

/** Results whose `pdf` has not been read yet. */
const unread = new WeakMap<object, PdfSource>();

/** `result.pdf` as first read: its parts joined, or its file read; kept on the result in their place. */
function pdfOnFirstRead(this: object): Buffer {
  const source = unread.get(this) ?? { parts: [] };
  const pdf = 'file' in source ? readFileSync(source.file) : source.parts.length === 1 ? source.parts[0]! : Buffer.concat(source.parts);
  Object.defineProperty(this, 'pdf', { value: pdf, enumerable: true, writable: true, configurable: true });
  unread.delete(this);
  return pdf;
}

function withPdfFrom<T extends object>(result: T, source: PdfSource): T & { pdf: Buffer } {
  unread.set(result, source);
  return Object.defineProperty(result, 'pdf', { get: pdfOnFirstRead, enumerable: true, configurable: true }) as T & { pdf: Buffer };
}

/** `result` with a `pdf` made of `parts`, joined when it is first read. */
const withPdfInParts = <T extends object>(result: T, parts: readonly Buffer[]) => withPdfFrom(result, { parts });

/** `result` with a `pdf` read from `file` (of `size` bytes, written by `buildReportInto`'s sink) when it is first read. */
export const withPdfInFile = <T extends object>(result: T, file: string, size: number) => withPdfFrom(result, { file, size });

/**
 * A built review's PDF as the parts it was written in, to be written one after another: a large review's file (tens
 * of megabytes) is not copied into one buffer first. One part once `pdf` has been read.
 */
export function pdfParts(result: Pick<BuildResult, 'pdf'>): readonly Buffer[] {
  const source = unread.get(result);
  return source && 'parts' in source ? source.parts : [result.pdf];
}

/** The size of a built review's PDF in bytes, without joining its parts or reading its file. */
export function pdfSize(result: Pick<BuildResult, 'pdf'>): number {
  const source = unread.get(result);
  if (source && 'file' in source) return source.size;
  return pdfParts(result).reduce((size, part) => size + part.length, 0);
}
