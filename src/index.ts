// The library API: build a review to bytes or to a file, or use the stages on their own.
import { dataFiles } from './exports.js';
import { buildReport, type BuildOptions, type BuildResult, type RenderedChartFile } from './pipeline.js';
import { writeFileAtomic } from './write.js';
import { basename, dirname, extname, join, resolve } from 'node:path';

export { buildReport, loadReview, type BuildOptions, type BuildResult, type RenderedChartFile } from './pipeline.js';
export { loadDataset } from './dataset/load.js';
export { analyse } from './analysis/index.js';
export { ReviewError, formatDiagnostic, type Diagnostic } from './errors.js';
export { dataFiles, datasetJson, discrepanciesCsv, discrepanciesJson, discrepanciesTable, type DataFile } from './exports.js';
export { PDF_STANDARDS, DEFAULT_PDF_STANDARD, type PdfStandard } from './pdf/standard.js';
export type { Dataset, Claim, Source, Metric } from './dataset/types.js';
export type { DiscrepancyReport, Discrepancy, Agreement, SourceStanding } from './analysis/types.js';
export type { Review } from './review.js';

export interface BuildFileOptions extends BuildOptions {
  /** Where the PDF goes (default: `<outDir>/<review id>.pdf`); exports go to a folder beside it named after it. */
  out?: string;
  /** The folder for the default file name (default: output). The name carries the locale when one is given: `<review id>.<locale>.pdf`. */
  outDir?: string;
  /** Also write each chart as PNG (about 0.2 s a chart); SVG and the caption record are always written. */
  png?: boolean;
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
 * Builds the review and writes the PDF and its exports: discrepancies (JSON, CSV), the normalised dataset (JSON),
 * the charts' data (JSON), and each chart as SVG, PNG and a JSON record of its caption and alt text. Every file is made before the first is
 * written, so nothing is written unless the whole build succeeds.
 */
export async function buildReportToFile(options: BuildFileOptions): Promise<BuildResult & { out: string; exportsDir: string }> {
  const result = await buildReport(options);
  const out = pdfPathFor(result.review.dataset.meta.id, options);
  const exportsDir = join(dirname(out), basename(out, extname(out)));
  // The same files the PDF carries inside (unless it is PDF/A-2), byte for byte.
  const files: [string, string | Buffer][] = dataFiles(result.review).map((f) => [join(exportsDir, f.name), f.text]);
  const chartPng = options.png && result.charts.length ? (await import('./charts/png.js')).chartPng : undefined;
  for (const chart of result.charts) {
    const dir = join(exportsDir, 'charts');
    files.push([join(dir, `${chart.name}.svg`), chart.svg], [join(dir, `${chart.name}.json`), chartExportJson(chart, chartPng !== undefined)]);
    if (chartPng) files.push([join(dir, `${chart.name}.png`), await chartPng(chart.svg, chart.fontFiles)]);
  }
  writeFileAtomic(out, result.pdf);
  for (const [path, bytes] of files) writeFileAtomic(path, bytes);
  return { ...result, out, exportsDir };
}
