// `annual-review build`: the PDF plus its exports, written only once everything has succeeded. One report is built in
// this process (again on every change with --watch); several datasets or locales are built in parallel (batch.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cacheFolder, displayPath, defaultDataDir } from '../../input/paths.js';
import { formatDiagnostic } from '../../errors.js';
import { buildReport, buildReportToFile, exportsDirFor, pdfParts, pdfSize, type BuildFileOptions } from '../../index.js';
import { LIMIT_NAMES, type Limits } from '../../input/limits.js';
import { PAGE_SIZES, type PageSize } from '../../theme/index.js';
import { isPdfStandard, PDF_STANDARDS, type PdfStandard } from '../../pdf/index.js';
import { buildBatch } from '../batch.js';
import { dataDirOf, optionList, UsageError, type Command, type OptionValues } from '../command.js';
import { EXIT, formatFailure, toFailure } from '../failure.js';
import { isInside, watchUntilStopped } from '../watch.js';
import { sizeForDatasets, sizedStages } from '../sizing.js';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

/** "a4" / "letter" in any case → the theme's page size name. */
function pageSizeOption(value: string): PageSize {
  const size = value.toUpperCase();
  if (size in PAGE_SIZES) return size as PageSize;
  throw new UsageError(
    `--page-size must be one of ${Object.keys(PAGE_SIZES)
      .map((k) => k.toLowerCase())
      .join(', ')}, not "${value}"`,
  );
}

/** "claims=100000" → { claims: 100000 }, each name one of src/input/limits.ts. */
export function limitsOption(given: readonly string[]): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const item of given) {
    const [name = '', value = ''] = item.split('=');
    if (!(LIMIT_NAMES as string[]).includes(name)) throw new UsageError(`--limit: unknown limit "${name}" (the limits: ${LIMIT_NAMES.join(', ')})`);
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--limit ${name}: "${value}" is not a whole number`);
    limits[name as keyof Limits] = n;
  }
  return limits;
}

/** --csv-delimiter: one character, "tab" for a tab; never a quote or a line break, which CSV reserves. */
function csvDelimiterOption(value: string): string {
  const delimiter = value === 'tab' ? '\t' : value;
  if ([...new Intl.Segmenter().segment(delimiter)].length !== 1 || /["\r\n]/.test(delimiter)) throw new UsageError(`--csv-delimiter takes one character (or "tab"), not "${value}"`);
  return delimiter;
}

/** --pdf-standard: one of the standards the PDF can claim. */
function pdfStandardOption(value: string): PdfStandard {
  if (isPdfStandard(value)) return value;
  throw new UsageError(`--pdf-standard must be one of ${PDF_STANDARDS.join(', ')}, not "${value}"`);
}

/** --cache-dir DIR, else the default cache folder; --no-cache: charts drawn and text shaped afresh, and nothing kept. */
export function cacheOption(values: OptionValues): { cacheDir?: string } {
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('give --cache-dir DIR or --no-cache, not both');
  const cacheDir = cacheFolder({ noCache: values['no-cache'] === true, ...(values['cache-dir'] === undefined ? {} : { dir: String(values['cache-dir']) }) });
  return cacheDir === undefined ? {} : { cacheDir };
}

/** One report per dataset and locale, in the order given. */
export function jobsOf(values: OptionValues, positionals: readonly string[]): BuildFileOptions[] {
  const datasets = positionals.length ? [dataDirOf(values, positionals)] : optionList(values.data);
  const locales = optionList(values.locale);
  const template = values.template ? { template: resolve(String(values.template)) } : {};
  const outDir = values['out-dir'] ? { outDir: resolve(String(values['out-dir'])) } : {};
  const out = values.out ? { out: resolve(String(values.out)) } : {};
  const pageSize = values['page-size'] ? { pageSize: pageSizeOption(String(values['page-size'])) } : {};
  const png = values.png ? { png: true } : {};
  const limits = values.limit ? { limits: limitsOption(optionList(values.limit)) } : {};
  const pdfStandard = values['pdf-standard'] ? { pdfStandard: pdfStandardOption(String(values['pdf-standard'])) } : {};
  const csv = values['csv-delimiter'] === undefined ? {} : { csvDelimiter: csvDelimiterOption(String(values['csv-delimiter'])) };
  const cache = cacheOption(values);
  return (datasets.length ? datasets : [defaultDataDir]).flatMap((data) =>
    (locales.length ? locales : [undefined]).map((locale) => ({
      data: resolve(data),
      ...template,
      ...outDir,
      ...out,
      ...pageSize,
      ...pdfStandard,
      ...csv,
      ...cache,
      ...png,
      ...limits,
      ...(locale ? { locale } : {}),
    })),
  );
}

/** How much a build tells: `quiet` prints errors and warnings only; `stages` each stage with its time (on a terminal). */
interface Talk {
  quiet: boolean;
  stages: boolean;
  /** --emit-markdown: the file the rendered Markdown goes to. */
  markdown?: string | undefined;
}

/** Writes the template's Markdown as soon as it exists, so that it is there to read when a later stage fails. */
const markdownWriter = (file: string) => (markdown: string) => writeFileSync(file, markdown);

const stageLine = (stage: string, ms: number) => process.stderr.write(`  ${stage.padEnd(16)} ${(ms / 1000).toFixed(2)} s\n`);

/** Builds one report and prints one line; throws (a ReviewError for bad input) when the build fails. */
async function buildOnce(job: BuildFileOptions, verb = 'wrote', exports = true, talk: Talk = { quiet: false, stages: false }): Promise<string> {
  const started = performance.now();
  const options = { ...job, ...sizedStages(talk.stages && !talk.quiet ? stageLine : undefined), ...(talk.markdown ? { onMarkdown: markdownWriter(talk.markdown) } : {}) };
  const result = await buildReportToFile({ ...options, exports });
  for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (talk.quiet) return result.out;
  const written = exports ? ` and exports in ${displayPath(result.exportsDir)}/` : '';
  process.stdout.write(`${verb} ${displayPath(result.out)} (${result.layout.pages} pages, ${Math.round(pdfSize(result) / 1024)} KB)${written} in ${seconds(started)}\n`);
  return result.out;
}

/** `-o -`: the PDF's bytes on standard output and nothing on the disk; warnings still go to standard error. */
async function buildToStdout(job: BuildFileOptions): Promise<number> {
  const { out: _stdout, ...options } = job;
  const result = await buildReport({ ...options, ...sizedStages() });
  for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  // A reader that stops reading (`… -o - | head -c 100`) closes the pipe: the rest has nowhere to go, and the build ends
  // there, as a tool in a pipe does (main.ts keeps the closed pipe from failing the process).
  const readerGone = (e: NodeJS.ErrnoException) => e.code === 'EPIPE';
  for (const part of pdfParts(result)) {
    const written = await new Promise<boolean>((done, fail) => process.stdout.write(part, (e) => (!e ? done(true) : readerGone(e) ? done(false) : fail(e))));
    if (!written) break;
  }
  return EXIT.ok;
}

/** Builds, then rebuilds on every change to the dataset or the templates, until SIGINT. A failed build keeps the last PDF. */
async function watchBuild(job: BuildFileOptions, exports: boolean, quiet: boolean): Promise<number> {
  let out: string | undefined;
  const attempt = async (verb: string) => {
    try {
      out = await buildOnce(job, verb, exports, { quiet, stages: false });
    } catch (e) {
      const failure = toFailure(e);
      if (failure.kind === 'internal') throw e;
      process.stderr.write(formatFailure(failure, 'annual-review build'));
      process.stderr.write(out ? `kept ${displayPath(out)} from the last good build\n` : 'nothing written yet\n');
    }
  };
  await attempt('wrote');
  // What the build writes must not wake it: the PDF and its exports folder.
  await watchUntilStopped(
    job,
    () => attempt('rebuilt'),
    (path) => out !== undefined && (path === out || isInside(path, exportsDirFor(out))),
  );
  return EXIT.ok;
}

export const build: Command = {
  options: {
    data: { type: 'string', multiple: true },
    template: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'no-exports': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'out-dir': { type: 'string' },
    locale: { type: 'string', multiple: true },
    watch: { type: 'boolean' },
    'page-size': { type: 'string' },
    'pdf-standard': { type: 'string' },
    'csv-delimiter': { type: 'string' },
    'emit-markdown': { type: 'string' },
    png: { type: 'boolean' },
    limit: { type: 'string', multiple: true },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
  async run(values, positionals) {
    const jobs = jobsOf(values, positionals);
    if (values.out && values['out-dir']) throw new UsageError('give --out FILE or --out-dir DIR, not both');
    if (jobs.length > 1 && values.out) throw new UsageError(`--out names one file but ${jobs.length} reports are asked for: use --out-dir DIR`);
    if (jobs.length > 1 && values.watch) throw new UsageError('--watch rebuilds one report: give at most one --data and one --locale');
    if (jobs.length > 1 && values['emit-markdown'] !== undefined) throw new UsageError('--emit-markdown writes the Markdown of one report: give at most one --data and one --locale');
    if (values['emit-markdown'] !== undefined && (values.watch || values.out === '-')) throw new UsageError('--emit-markdown goes with a single build to a file, not with --watch or -o -');
    if (jobs.length > 1 && values['no-exports']) throw new UsageError('--no-exports applies to one report: give at most one --data and one --locale');
    const [job] = jobs;
    sizeForDatasets(...jobs.map((j) => j.data));
    if (jobs.length > 1 || !job) return buildBatch(jobs);
    const exports = !values['no-exports'];
    if (values.out === '-') {
      if (values.watch) throw new UsageError('-o - writes one PDF to standard output: it cannot be combined with --watch');
      return buildToStdout(job);
    }
    if (values.watch) return watchBuild(job, exports, Boolean(values.quiet));
    const markdown = values['emit-markdown'] === undefined ? undefined : resolve(String(values['emit-markdown']));
    await buildOnce(job, 'wrote', exports, { quiet: Boolean(values.quiet), stages: process.stderr.isTTY, markdown });
    return EXIT.ok;
  },
};
