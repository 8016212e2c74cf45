// The package as a user installs it: the files `npm pack` puts in it, placed in a temporary project's node_modules;
// then the project type-checks against the package's declarations with default settings and `skipLibCheck: false`,
// runs the CLI through npx, imports the library as an ES module, and resolves every `$schema` comment of the shipped
// datasets and of a dataset `annual-review new` writes. `npm test` links the dependencies from this repository's
// node_modules (the production ones only, so a declaration that needs a devDependency's types fails); .ci/run sets
// ANNUAL_REVIEW_PACKAGE_INSTALL=npm and installs the packed tarball from the registry as a user would.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';

const realInstall = process.env.ANNUAL_REVIEW_PACKAGE_INSTALL === 'npm';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const typescriptVersion = (JSON.parse(readFileSync(join(packageRoot, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version: string }).version;
const typesNodeVersion = (JSON.parse(readFileSync(join(packageRoot, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string }).version;

let work: string;
let project: string;
let installed: string;
let packed: string[];

const run = (command: string, args: readonly string[], cwd = project) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

/** Links a package folder of this repository's node_modules into the project's. */
function link(name: string): void {
  const target = join(project, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  if (!existsSync(target)) symlinkSync(join(packageRoot, 'node_modules', name), target, 'dir');
}

/** The package's files placed as npm would install them, and its production dependencies linked from this repository. */
function placePackage(): void {
  for (const file of packed) {
    mkdirSync(dirname(join(installed, file)), { recursive: true });
    cpSync(join(packageRoot, file), join(installed, file));
  }
  const production = run(npm, ['ls', '--omit=dev', '--all', '--parseable'], packageRoot).split('\n').filter(Boolean);
  const topLevel = new Set(production.map((p) => relative(join(packageRoot, 'node_modules'), p)).filter((p) => p && !p.startsWith('..') && !p.includes('node_modules')));
  for (const name of topLevel) link(name);
  for (const name of ['typescript', '@types/node']) link(name);
  // As npm does on install: each program made executable and linked into node_modules/.bin.
  for (const [command, file] of Object.entries(pkg.bin)) {
    chmodSync(join(installed, file), 0o755);
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(join('..', pkg.name, file), join(project, 'node_modules', '.bin', command));
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-package-'));
  project = join(work, 'project');
  installed = join(project, 'node_modules', pkg.name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  // dist/ is fresh (tests/global-setup.ts): pack without running prepack's build again.
  const [report] = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], packageRoot)) as { filename: string; files: { path: string }[] }[];
  packed = report!.files.map((f) => f.path);
  if (realInstall) run(npm, ['install', '--no-audit', '--no-fund', join(work, report!.filename), `typescript@${typescriptVersion}`, `@types/node@${typesNodeVersion}`]);
  else placePackage();
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`the package as installed (${realInstall ? 'from the packed tarball by npm' : 'its packed files, dependencies linked'})`, () => {
  it('holds the program, its declarations, schemas, templates, sample data, README and LICENSE, and nothing for development', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'schema/claims.schema.json',
      'templates/annual-review/report.md.hbs',
      'data/vietnam-2025/review.yaml',
    ]) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((f) => /^(tests|src|scripts|\.ci|dist\/bench)\//.test(f) || /\.(png|tgz)$/.test(f))).toEqual([]);
  });

  it('type-checks a project that imports it, with default settings and skipLibCheck false', () => {
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, noEmit: true } }, null, 2)}\n`);
    writeFileSync(
      join(project, 'check.ts'),
      `import { analyse, buildReport, formatDiagnostic, loadDataset, ReviewError, sampleDataDir, type BuildResult, type Diagnostic, type Places } from 'annual-review';

export async function pagesOf(data: string): Promise<{ pages: number; places: Places }> {
  const result: BuildResult = await buildReport({ data, locale: 'en', pageSize: 'LETTER' });
  return { pages: result.layout.pages, places: result.places };
}
export const describeError = (e: unknown): string[] => (e instanceof ReviewError ? e.diagnostics.map((d: Diagnostic) => formatDiagnostic(d)) : []);
export const sample: string = sampleDataDir;
export const analysed = typeof analyse === 'function' && typeof loadDataset === 'function';
`,
    );
    let printed = '';
    try {
      run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]);
    } catch (e) {
      printed = `${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}`;
    }
    expect(printed).toBe('');
  });

  it('runs the CLI through npx', () => {
    expect(run(npm, ['exec', '--no', '--', 'annual-review', '--version'])).toBe(`annual-review ${pkg.version}\n`);
    expect(run(npm, ['exec', '--no', '--', 'annual-review', 'validate', join(installed, 'data', 'marenna-2025')])).toMatch(/marenna-2025: valid/);
  });

  it('imports the library as an ES module and finds the bundled sample inside the installed package', () => {
    const script = `import { loadDataset, sampleDataDir } from 'annual-review';
const dataset = loadDataset(sampleDataDir);
console.log(JSON.stringify({ dir: sampleDataDir, id: dataset.meta.id, claims: dataset.claims.length }));`;
    const said = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script])) as { dir: string; id: string; claims: number };
    expect(said.dir).toBe(join(installed, 'data', 'vietnam-2025'));
    expect(said.claims).toBeGreaterThan(0);
  });

  it('resolves every $schema comment, of the shipped datasets and of a dataset `annual-review new` writes', () => {
    run(npm, ['exec', '--no', '--', 'annual-review', 'new', 'my-review']);
    const yamlFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
    const files = [...yamlFiles(join(installed, 'data')), ...yamlFiles(join(project, 'my-review'))];
    const refs = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\$schema=(\S+)/g)].map((m) => ({ file, schema: resolve(dirname(file), m[1]!) })));
    expect(refs.filter((r) => r.file.includes('my-review')).length).toBeGreaterThan(0);
    for (const { file, schema } of refs) {
      expect(existsSync(schema), `${relative(project, file)} → ${relative(project, schema)}`).toBe(true);
      expect(schema.startsWith(join(installed, 'schema'))).toBe(true);
    }
  });
});
