// Small helpers the tests share: folders of template files, removed after the test file, the diagnostics a call
// throws, the default review built once per test process and read back once, and the command line run in this
// process or, where the process itself is under test, as a program.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { ReviewError, type Diagnostic } from '../src/errors.js';
import { main } from '../src/cli/cli.js';
import { defaultDataDir, packageRoot } from '../src/input/paths.js';
import { buildReport, type BuildResult } from '../src/pipeline.js';
import { readPdf, type ReadPdf } from './pdf-reader.js';

/** A function making folders from { "path/in/folder": text }; every folder goes when the test file ends. */
export function folderMaker(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
}

/**
 * Builds of the test fixtures' base dataset, each in a new process (a process keeps what it makes in memory too), in a
 * folder that goes when the test file ends: `build(...options)` gives the PDF's bytes and fails the test on an error;
 * `cache` is a cache folder in it for `--cache-dir`.
 */
export function baseBuilds(prefix: string): { work: string; cache: string; base: string; build: (...options: string[]) => Buffer } {
  const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let n = 0;
  const build = (...options: string[]) => {
    const out = join(work, `r${n++}.pdf`);
    const run = runProgram('build', base, '-o', out, '--no-exports', '--quiet', ...options);
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(out);
  };
  return { work, cache: join(work, 'cache'), base, build };
}

/** The diagnostics of the ReviewError `f` throws; fails when it throws none. */
export function diagnosticsOf(f: () => unknown): readonly Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ReviewError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a ReviewError');
}

const builds = new Map<string, Promise<BuildResult>>();
const reads = new Map<string, Promise<ReadPdf>>();

/**
 * The default review built in memory, in `locale` (the template's default when not given): built once per test
 * process and shared by every test file in it (vitest runs them without isolation), since a build is the slowest
 * step of most tests. Read it, never change it.
 */
export function defaultBuild(locale?: string): Promise<BuildResult> {
  const key = locale ?? '';
  if (!builds.has(key)) builds.set(key, buildReport({ data: defaultDataDir, ...(locale ? { locale } : {}) }));
  return builds.get(key)!;
}

/** Each example review of data/ in each locale of the built-in template: [dataset, locale], for `it.each`. */
export const EXAMPLE_REVIEWS: readonly [string, string][] = [
  ['vietnam-2025', 'en'],
  ['vietnam-2025', 'vi'],
  ['marenna-2025', 'en'],
  ['marenna-2025', 'vi'],
];

/** A dataset of data/ ("marenna-2025") built in memory, in `locale`: once per test process, like defaultBuild. */
export function exampleBuild(name: string, locale?: string): Promise<BuildResult> {
  if (join(packageRoot, 'data', name) === defaultDataDir) return defaultBuild(locale);
  const key = `${name}\u0000${locale ?? ''}`;
  if (!builds.has(key)) builds.set(key, buildReport({ data: join(packageRoot, 'data', name), ...(locale ? { locale } : {}) }));
  return builds.get(key)!;
}

/** The default review's PDF read back (see defaultBuild). */
export function defaultPdf(locale?: string): Promise<ReadPdf> {
  const key = locale ?? '';
  if (!reads.has(key))
    reads.set(
      key,
      defaultBuild(locale).then((r) => readPdf(r.pdf)),
    );
  return reads.get(key)!;
}

/** What a run of the command line gave: its exit code and what it printed. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `annual-review ARGS` in this process, from the package root, capturing what it prints: the same code as the
 * program without the cost of starting Node and loading every module again. Use runProgram where exit codes set by
 * the process, signals or worker threads are what is tested.
 */
export const runCli = (...args: string[]): Promise<CliRun> => runCliIn(packageRoot, args);

/** runCli from another working folder; `onPrinted` is told all that has been printed so far, after each write. */
export async function runCliIn(dir: string, args: readonly string[], onPrinted?: (printed: { stdout: string; stderr: string }) => void): Promise<CliRun> {
  const printed = { stdout: '', stderr: '' };
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      onPrinted?.(printed);
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  const cwd = process.cwd();
  process.chdir(dir);
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const status = await main(args);
    return { status, ...printed };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.chdir(cwd);
  }
}

/** The built program (`npm run build` writes it; `npm test` builds it first when the sources are newer). */
export const programPath = join(packageRoot, 'dist', 'cli', 'main.js');

/**
 * Runs `annual-review ARGS` as its own process. A program that cannot start, is killed or crashes fails the test
 * with the reason and what it printed, never with a confusing assertion on missing output.
 */
export function runProgram(...args: string[]): CliRun {
  if (!existsSync(programPath)) throw new Error(`${programPath} does not exist: run \`npm run build\` (npm test does it when needed)`);
  return runTool(process.execPath, [programPath, ...args]);
}

/** Runs a program to completion; throws a readable error when it cannot run or ends by a signal. */
export function runTool(command: string, args: readonly string[]): CliRun {
  const r = spawnSync(command, args, { encoding: 'utf8', cwd: packageRoot });
  if (r.error) throw new Error(`could not run ${command} ${args.join(' ')}: ${r.error.message}`);
  if (r.status === null) throw new Error(`${command} ${args.join(' ')} was ended by ${r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The bytes a pdfkit document gives through its readable stream, once it ends: call before drawing, await after
 * `doc.end()`.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const out: Buffer[] = [];
  doc.on('data', (c: Buffer) => out.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(out)));
    doc.on('error', reject);
  });
}
