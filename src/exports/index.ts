// Machine-readable exports for attaching elsewhere: discrepancies as JSON, CSV or a terminal table; the dataset as JSON.
import type { DiscrepancyReport } from '../analysis/types.js';
import type { Dataset } from '../dataset/types.js';
import type { Review } from '../review.js';

export const DISCREPANCY_FORMATS = ['table', 'json', 'csv'] as const;
export type DiscrepancyFormat = (typeof DISCREPANCY_FORMATS)[number];

const CSV_COLUMNS = ['id', 'rule', 'severity', 'metric', 'period', 'claims', 'sources', 'printed', 'gap', 'explanation'] as const;

/** A CSV field, quoted when it holds a quote, a line break or the delimiter. */
function csvField(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** How a CSV file is written: its field delimiter (`;` where a spreadsheet's locale uses a decimal comma) and whether it opens with a byte-order mark. */
export interface CsvStyle {
  delimiter: string;
  /** A UTF-8 byte-order mark first, so that spreadsheet programs read the file as UTF-8 (Vietnamese letters intact). */
  bom: boolean;
}

const PLAIN_CSV: CsvStyle = { delimiter: ',', bom: false };

export function discrepanciesJson(report: DiscrepancyReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v), 2)}\n`;
}

export function discrepanciesCsv(report: DiscrepancyReport, style: CsvStyle = PLAIN_CSV): string {
  const rows = report.discrepancies.map((d) => [
    d.id,
    d.rule,
    d.severity,
    d.metric,
    d.period,
    d.claims.map((c) => c.claim).join('; '),
    d.claims.map((c) => c.source).join('; '),
    d.claims.map((c) => c.printed).join('; '),
    d.gap === undefined ? '' : d.gap.toFixed(4),
    d.explanation,
  ]);
  const line = (fields: readonly string[]) => fields.map((f) => csvField(f, style.delimiter)).join(style.delimiter);
  return (style.bom ? '\uFEFF' : '') + [line(CSV_COLUMNS), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** A plain-text listing for the terminal: one block per discrepancy. */
export function discrepanciesTable(report: DiscrepancyReport): string {
  const lines = report.discrepancies.map((d) => {
    const said = d.claims.map((c) => `    ${c.source}: ${c.printed}`).join('\n');
    return `${d.id}  ${d.severity.padEnd(5)}  ${d.rule}  ${d.metric} ${d.period}\n${said}\n    → ${d.explanation}`;
  });
  const summary = `${report.discrepancies.length} discrepancies, ${report.consistent.length} figures consistent within hedges`;
  return `${[...lines, summary].join('\n\n')}\n`;
}

export function formatDiscrepancies(report: DiscrepancyReport, format: DiscrepancyFormat): string {
  const formats: Record<DiscrepancyFormat, (r: DiscrepancyReport) => string> = {
    table: discrepanciesTable,
    json: discrepanciesJson,
    csv: discrepanciesCsv,
  };
  return formats[format](report);
}

/** Object keys sorted at every depth, arrays kept in order: the same data always prints the same bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The loaded, validated and normalised dataset as pretty JSON with sorted keys. The folder it came from and the
 * source positions are left out: they describe the files, not the data, and would differ between machines.
 */
export function datasetJson(dataset: Dataset): string {
  const { dir: _dir, positions: _positions, ...data } = dataset;
  return `${JSON.stringify(sortKeys(data), null, 2)}\n`;
}

/** One machine-readable file of a review: written beside the PDF and attached inside it, the same bytes in both. */
export interface DataFile {
  name: string;
  /** MIME type. */
  type: string;
  /** How the file relates to the PDF (PDF/A-3's AFRelationship): the data it was made from, or data it shows. */
  relationship: 'Source' | 'Data';
  description: string;
  text: string;
}

/**
 * The files that let a review be checked or rebuilt: the dataset it was made from, its discrepancies and the charts'
 * data. The CSV is written for spreadsheets: with a byte-order mark, and the delimiter of the build's locale.
 */
export function dataFiles(review: Pick<Review, 'dataset' | 'discrepancies' | 'chartData'>, csvDelimiter = ','): DataFile[] {
  const json = 'application/json';
  return [
    { name: 'dataset.json', type: json, relationship: 'Source', description: 'The dataset the review was built from, validated and normalised', text: datasetJson(review.dataset) },
    { name: 'discrepancies.json', type: json, relationship: 'Data', description: 'The discrepancies between sources found in the dataset', text: discrepanciesJson(review.discrepancies) },
    {
      name: 'discrepancies.csv',
      type: 'text/csv',
      relationship: 'Data',
      description: 'The discrepancies between sources, one row each',
      text: discrepanciesCsv(review.discrepancies, { delimiter: csvDelimiter, bom: true }),
    },
    { name: 'chart-data.json', type: json, relationship: 'Data', description: "The named datasets the review's charts are drawn from", text: `${JSON.stringify(review.chartData, null, 2)}\n` },
  ];
}
