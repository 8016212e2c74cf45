// The library API: build a review to bytes or to a file, or use the stages on their own.
import { datasetJson, discrepanciesCsv, discrepanciesJson } from './exports.js';
import { buildReport, type BuildOptions, type BuildResult } from './pipeline.js';
import { writeFileAtomic } from './write.js';
import { basename, dirname, extname, join, resolve } from 'node:path';

export { buildReport, loadReview, type BuildOptions, type BuildResult, type RenderedChartFile } from './pipeline.js';
export { loadDataset } from './dataset/load.js';
export { analyse } from './analysis/index.js';
export { ReviewError, formatDiagnostic, type Diagnostic } from './errors.js';
export { datasetJson, discrepanciesCsv, discrepanciesJson, discrepanciesTable } from './exports.js';
export type { Dataset, Claim, Source, Metric } from './dataset/types.js';
export type { DiscrepancyReport, Discrepancy, Agreement, SourceStanding } from './analysis/types.js';
export type { Review } from './review.js';

export interface BuildFileOptions extends BuildOptions {
  /** Where the PDF goes (default: `<outDir>/<review id>.pdf`); exports go to a folder beside it named after it. */
  out?: string;
  /** The folder for the default file name (default: output). The name carries the locale when one is given: `<review id>.<locale>.pdf`. */
  outDir?: string;
}

/** Where a review's PDF goes: `out`, or its id (and its locale when one was asked for, so locales never overwrite each other) in `outDir`. */
export const pdfPathFor = (id: string, options: Pick<BuildFileOptions, 'out' | 'outDir' | 'locale'>) =>
  resolve(options.out ?? join(options.outDir ?? 'output', `${id}${options.locale ? `.${options.locale}` : ''}.pdf`));

/** Builds the review and writes the PDF and its exports; nothing is written unless the whole build succeeds. */
export async function buildReportToFile(options: BuildFileOptions): Promise<BuildResult & { out: string; exportsDir: string }> {
  const result = await buildReport(options);
  const out = pdfPathFor(result.review.dataset.meta.id, options);
  const exportsDir = join(dirname(out), basename(out, extname(out)));
  writeFileAtomic(out, result.pdf);
  writeFileAtomic(join(exportsDir, 'discrepancies.json'), discrepanciesJson(result.review.discrepancies));
  writeFileAtomic(join(exportsDir, 'discrepancies.csv'), discrepanciesCsv(result.review.discrepancies));
  writeFileAtomic(join(exportsDir, 'dataset.json'), datasetJson(result.review.dataset));
  for (const chart of result.charts) writeFileAtomic(join(exportsDir, 'charts', `${chart.name}.svg`), chart.svg);
  return { ...result, out, exportsDir };
}
