// The library API: build a review to bytes or to a file, or use the stages on their own.
import { escapeXml } from './text/format.js';
import { buildReportInto, withPdfInFile, type BuildOptions, type BuildResult, type RenderedChartFile } from './pipeline.js';
import { checkOutputTarget, stagePdf, writeOutputSet, type StagedPdf } from './output/index.js';
import { join, resolve } from 'node:path';

export { buildReport, loadReview, pdfParts, pdfSize, type BuildOptions, type BuildResult, type RenderedChartFile } from './pipeline.js';
export { loadDataset } from './dataset/index.js';
/** The folder of the bundled sample dataset (the Viet Nam review), wherever the package is installed. */
export { defaultDataDir as sampleDataDir } from './input/paths.js';
export { analyse } from './analysis/index.js';
export { ReviewError, formatDiagnostic, type Diagnostic } from './errors.js';
export { exportsDirFor, writeOutputSet, type OutputSet } from './output/index.js';
export { DEFAULT_LIMITS, type Limits } from './input/limits.js';
export { dataFiles, datasetJson, discrepanciesCsv, discrepanciesJson, discrepanciesTable, type DataFile } from './exports/index.js';
export { PDF_STANDARDS, DEFAULT_PDF_STANDARD, type PdfStandard } from './pdf/index.js';
export type { Dataset, Claim, Source, Metric } from './dataset/types.js';
export type { DeclaredUnit } from './units/index.js';
export type { DiscrepancyReport, Discrepancy, Agreement, SourceStanding } from './analysis/types.js';
export type { Review } from './review.js';
export type { BoxKind, ContentBox, LayoutBox, LayoutResult, PlacedHeading, Places } from './layout/types.js';

export interface BuildFileOptions extends BuildOptions {
  /** Where the PDF goes (default: `<outDir>/<review id>.pdf`); exports go to a folder beside it named after it (`exportsDirFor`). */
  out?: string;
  /** The folder for the default file name (default: output). The name carries the locale when one is given: `<review id>.<locale>.pdf`. */
  outDir?: string;
  /** Also write each chart as PNG (about 0.2 s a chart); SVG and the caption record are always written. */
  png?: boolean;
  /** How long to wait for another build writing the same file before giving up (default one minute). */
  lockTimeoutMs?: number;
  /** False: the PDF alone, without its exports folder (`build --no-exports`); the result's `exportsDir` is then empty. */
  exports?: boolean;
}

/** Where a review's PDF goes: `out`, or its id (and its locale when one was asked for, so locales never overwrite each other) in `outDir`. */
export const pdfPathFor = (id: string, options: Pick<BuildFileOptions, 'out' | 'outDir' | 'locale'>) =>
  resolve(options.out ?? join(options.outDir ?? 'output', `${id}${options.locale ? `.${options.locale}` : ''}.pdf`));

/** What a chart export's JSON holds: enough to place the picture in another document with its caption. */
export function chartExportJson(chart: RenderedChartFile, png: boolean): string {
  const { name, width, height, alt, figure } = chart;
  const record = { name, svg: `${name}.svg`, ...(png ? { png: `${name}.png` } : {}), width, height, ...(figure ?? {}), alt: [figure?.alt, alt].filter(Boolean).join(' ') };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * A chart's SVG as exported for other documents: a <title> (its caption, or its name) and a <desc> (its alt text)
 * for screen readers and file browsers, and generic families after the report's fonts, for a viewer that lacks them.
 */
export function chartExportSvg(chart: RenderedChartFile): string {
  const title = chart.figure?.caption || chart.name;
  const desc = [chart.figure?.alt, chart.alt].filter(Boolean).join(' ');
  const labelled = chart.svg.replace(/^(<svg\b[^>]*>)/, `$1<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>`);
  return labelled.replace(/font-family="([^"]*)"/g, (_m, family: string) => `font-family="${/sans-serif|serif$/.test(family) ? family : `${family}, Arial, Helvetica, sans-serif`}"`);
}

/** What the top of a review's exports folder may hold, whichever charts and options a build has. */
export const EXPORT_NAMES = ['discrepancies.json', 'discrepancies.csv', 'dataset.json', 'chart-data.json', 'charts'] as const;

/** The exports of a built review, by path inside its exports folder. */
export async function exportFiles(result: Omit<BuildResult, 'pdf'>, png = false): Promise<Map<string, string | Buffer>> {
  // The same files the PDF carries inside (unless it is PDF/A-2), byte for byte.
  const files = new Map<string, string | Buffer>(result.dataFiles.map((f) => [f.name, f.text]));
  const chartPng = png && result.charts.length ? (await import('./charts/png.js')).chartPng : undefined;
  for (const chart of result.charts) {
    files.set(`charts/${chart.name}.svg`, chartExportSvg(chart)).set(`charts/${chart.name}.json`, chartExportJson(chart, chartPng !== undefined));
    if (chartPng) files.set(`charts/${chart.name}.png`, await chartPng(chart.svg, chart.fontFiles));
  }
  return files;
}

/**
 * Builds the review and writes the PDF and its exports: discrepancies (JSON, CSV), the normalised dataset (JSON),
 * the charts' data (JSON), and each chart as SVG, PNG and a JSON record of its caption and alt text (unless
 * `exports` is false). The whole set is written as one transaction (src/output/write.ts): nothing is replaced unless
 * the build and every write succeed.
 */
export async function buildReportToFile(options: BuildFileOptions): Promise<BuildResult & { out: string; exportsDir: string }> {
  const withExports = options.exports !== false;
  // A target given is checked before the build; one named by the dataset's id, once it is known.
  if (options.out !== undefined) checkOutputTarget(options.out, withExports ? EXPORT_NAMES : undefined);
  // The PDF goes to the disk as it is written, into a staging folder beside its target, which takes it up with the
  // exports: a large review's bytes are not kept until the end. `pdf` reads the file back when it is first read.
  const pdf: { staged?: StagedPdf } = {};
  try {
    const built = await buildReportInto(options, (review) => (pdf.staged = stagePdf(pdfPathFor(review.dataset.meta.id, options))));
    const staged = pdf.staged!;
    const set = { pdf: staged, ...(withExports ? { exports: await exportFiles(built, options.png) } : {}) };
    const { out, exportsDir } = await writeOutputSet(staged.target, set, { exportNames: EXPORT_NAMES, ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }) });
    return withPdfInFile({ ...built, out, exportsDir: exportsDir ?? '' }, out, staged.size);
  } catch (e) {
    pdf.staged?.abandon();
    throw e;
  }
}
