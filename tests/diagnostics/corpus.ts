// The bad-input corpus (tests/fixtures/diagnostics, described in its README.md): each case's files laid over the small
// valid base dataset, the command run in-process, and every diagnostic printed as one stable line with its code.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { optionList } from '../../src/cli/command.js';
import { commands } from '../../src/cli/registry.js';
import { limitsOption } from '../../src/cli/commands/build.js';
import { ReviewError, formatDiagnostic, type Diagnostic } from '../../src/errors.js';
import { packageRoot } from '../../src/input/paths.js';
import { buildReportToFile } from '../../src/index.js';
import { buildReport, type BuildOptions } from '../../src/pipeline.js';
import type { PageSize } from '../../src/theme/index.js';

export const corpusDir = join(packageRoot, 'tests', 'fixtures', 'diagnostics');
export const baseDataset = join(packageRoot, 'tests', 'fixtures', 'base-dataset');

/** What a case's optional case.yaml says. */
interface CaseSpec {
  /** The command line after `annual-review`; the case's folders are added as --data, --template and --sources. */
  run?: string[];
  /** Files of the base dataset the case deletes. */
  remove?: string[];
}

export const caseNames = () =>
  readdirSync(corpusDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** `file:line:column: code: path: message (hint)`, the CLI's line with the code after the place. */
export function diagnosticLine(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(':');
  const { file: _file, line: _line, column: _column, ...rest } = d;
  return `${where || '-'}: ${d.code}: ${formatDiagnostic(rest)}`;
}

/** Runs one command line in `work` (the folder holding data/, template/ and sources/) and returns its diagnostics. */
async function diagnosticsOf(argv: string[], work: string): Promise<readonly Diagnostic[]> {
  const [name = 'build', ...rest] = argv;
  const load = commands[name];
  if (!load) throw new Error(`case.yaml: unknown command "${name}"`);
  const command = await load();
  const folder = (option: string, dir: string) => (option in command.options && !rest.includes(`--${option}`) && existsSync(join(work, dir)) ? [`--${option}`, dir] : []);
  const args = [...rest, ...folder('data', 'data'), ...folder('template', 'template'), ...folder('sources', 'sources')];
  const { values, positionals } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  try {
    if (name === 'build') {
      // The library's build, for its warnings as values (the command prints them).
      // With --out the set is written too (src/output/write.ts), for the errors of the disk.
      const build = values.out ? (o: BuildOptions) => buildReportToFile({ ...o, out: join(work, String(values.out)), lockTimeoutMs: 0 }) : buildReport;
      const result = await build({
        data: join(work, String(optionList(values.data)[0] ?? 'data')),
        ...(values.template ? { template: join(work, 'template') } : {}),
        ...(values.locale ? { locale: String(values.locale) } : {}),
        ...(values['page-size'] ? { pageSize: String(values['page-size']).toUpperCase() as PageSize } : {}),
        ...(values.limit ? { limits: limitsOption(optionList(values.limit)) } : {}),
      });
      return result.warnings;
    }
    const saved = { stdout: process.stdout.write, stderr: process.stderr.write };
    process.stdout.write = process.stderr.write = (() => true) as typeof process.stdout.write;
    try {
      await command.run(values, positionals);
    } finally {
      Object.assign(process.stdout, { write: saved.stdout });
      Object.assign(process.stderr, { write: saved.stderr });
    }
    return [];
  } catch (e) {
    if (e instanceof ReviewError) return e.diagnostics;
    throw e;
  }
}

/** The lines a case gives: its files over the base dataset, its command run from a scratch folder. */
export async function runCase(name: string): Promise<string[]> {
  const dir = join(corpusDir, name);
  const spec = (existsSync(join(dir, 'case.yaml')) ? parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) : {}) as CaseSpec;
  const work = mkdtempSync(join(tmpdir(), `annual-review-case-${name}-`));
  const cwd = process.cwd();
  try {
    cpSync(baseDataset, join(work, 'data'), { recursive: true });
    for (const file of spec.remove ?? []) rmSync(join(work, 'data', file), { recursive: true });
    for (const part of ['data', 'template', 'sources']) if (existsSync(join(dir, part))) cpSync(join(dir, part), join(work, part), { recursive: true });
    process.chdir(work);
    const diagnostics = await diagnosticsOf(spec.run ?? ['build'], work);
    // Files outside the case's folders (the built-in template, fonts of packages) are shown from the package root.
    return diagnostics.map((d) => diagnosticLine(d).split(packageRoot).join('<package>/').split(work).join('.'));
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  }
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** The codes given to error() and warning() or written as `code: '…'` anywhere in src/. */
export function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of files(join(packageRoot, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:error|warning)\(\s*['"`]([a-z]+\/[a-z0-9-]+)['"`]|\bcode:\s*['"`]([a-z]+\/[a-z0-9-]+)['"`]/g)) codes.add((m[1] ?? m[2])!);
  }
  return codes;
}
