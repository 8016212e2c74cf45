// Every command README.md and docs/*.md show is run, so none can go stale. Each `annual-review …` line of a code block
// (also written `node dist/cli/main.js …` or `npx annual-review …`) runs in a sandbox folder holding what the examples
// assume (the example datasets, a dataset (the small fictional one of the tests) and an article of one's own, a second review beside it), in the order the
// files are read, so that `init` makes the template a later example uses. A synopsis line (placeholders such as DIR,
// [options], a|b) runs as the concrete command INSTANCES gives it: a synopsis without one fails the test, as does an
// instance no document shows. `--watch` and `preview` run until they are watching, then get SIGINT.
// The npm lines name scripts of package.json and paths that exist (running `npm test` inside itself would recurse).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { programPath, runCliIn } from '../support.js';

/** Concrete commands for the synopsis lines, and the documented commands that cannot give exit code 0 here. */
const INSTANCES: Record<string, string> = {
  'annual-review <command> [options]': 'annual-review validate data/marenna-2025',
  'annual-review build [--data DIR] [--template DIR] [--out FILE]': 'annual-review build --data data/marenna-2025 --template my-template --out output/synopsis.pdf',
  'annual-review preview [DATA] [--port N] [--no-open]': 'annual-review preview data/marenna-2025 --port 0 --no-open',
  'annual-review build --data A --data B --locale en,vi --out-dir output/': 'annual-review build --data data/marenna-2025 --data my-data --locale en,vi --out-dir output/',
  'annual-review init my-template [cover …]': 'annual-review init another-template cover',
  'annual-review validate [--data DIR] [--json]': 'annual-review validate --data data/marenna-2025 --json',
  'annual-review verify [--data DIR] --sources DIR': 'annual-review verify --data data/marenna-2025 --sources data/marenna-2025/sources',
  'annual-review discrepancies [--data DIR] [--format table|json|csv]': 'annual-review discrepancies --data data/marenna-2025 --format csv',
  'annual-review extract ARTICLE.txt --source ID': 'annual-review extract article.txt --source ledger-2026-01',
  'annual-review extract ARTICLE.txt --source europe-today-2026-01 > stubs.yaml': 'annual-review extract article.txt --source europe-today-2026-01 > stubs.yaml',
};
/** Documented commands whose exit code here is not 0, and why. */
const EXIT_CODES: Record<string, { code: number; why: string }> = {
  // The bundled sample's source texts are news articles, not in the repository: .ci/run verifies against them.
  'annual-review verify --sources ../sources': { code: 1, why: "the sample's articles are not in the repository" },
  'annual-review verify --sources ../shared/seeds': { code: 1, why: "the sample's articles are not in the repository" },
};

const files = [
  'README.md',
  ...readdirSync(join(packageRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** The command lines of a Markdown file's code blocks, as `annual-review …`, with their line numbers. */
function documented(file: string): { line: number; command: string }[] {
  const out: { line: number; command: string }[] = [];
  let fenced = false;
  readFileSync(join(packageRoot, file), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (/^\s*```/.test(text)) fenced = !fenced;
      else if (fenced) {
        const m = /^\s*(?:\$ )?(annual-review|node dist\/cli\/main\.js|npx annual-review) (.*)$/.exec(text);
        // Not a line of output ("annual-review build: failed with 1 error").
        if (m && !/^[\w-]+: /.test(m[2]!)) out.push({ line: i + 1, command: `annual-review ${m[2]!.replace(/\s+#.*$/, '').trim()}` });
      }
    });
  return out;
}

/** The npm lines of a Markdown file's code blocks. */
const npmLines = (file: string) =>
  readFileSync(join(packageRoot, file), 'utf8')
    .split('\n')
    .filter((l) => /^(UPDATE=1 )?(npm|npx vitest) /.test(l));
/** The files a command line names by path (a test folder or file, a vitest config). */
const namedPaths = (line: string) => [...line.matchAll(/\s((?:tests\/|vitest\.)\S+)/g)].map((m) => m[1]!);

const isSynopsis = (command: string) => /[[\]<>…|]|(^|\s)[A-Z][A-Z0-9]*(\.\w+)?(?=\s|$)/.test(command.replace(/^annual-review /, '').replace(/ > \S+$/, ''));

// The sandbox: what the examples take for granted, beside copies of the example datasets.
const sandbox = mkdtempSync(join(tmpdir(), 'annual-review-docs-'));
const cwd = join(sandbox, 'work');
mkdirSync(cwd);
cpSync(join(packageRoot, 'data'), join(cwd, 'data'), { recursive: true });
cpSync(join(packageRoot, 'tests', 'fixtures', 'base-dataset'), join(cwd, 'my-data'), { recursive: true });
cpSync(join(packageRoot, 'data', 'marenna-2025'), join(sandbox, 'second-review'), { recursive: true });
cpSync(join(packageRoot, 'data', 'marenna-2025', 'sources', 'ledger-2026-01.txt'), join(cwd, 'article.txt'));
mkdirSync(join(sandbox, 'sources'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/**
 * Runs a command that watches until SIGINT, in this process (warm, so its first build is quick), and stops it with
 * SIGINT as a user would once it says it is watching: the process has no other SIGINT listener to wake.
 */
async function runUntilWatching(args: string[]): Promise<{ status: number | null; output: string }> {
  if (process.listenerCount('SIGINT') !== 0) throw new Error('something else listens for SIGINT in this process');
  let stopped = false;
  const r = await runCliIn(cwd, args, ({ stdout }) => {
    if (!stopped && stdout.includes('press Ctrl+C to stop')) {
      stopped = true;
      setImmediate(() => process.emit('SIGINT'));
    }
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

async function run(command: string): Promise<{ status: number | null; output: string }> {
  const [line, redirect] = command.split(/\s+>\s+/) as [string, string | undefined];
  const args = line.split(/\s+/).slice(1);
  if (args.includes('--watch') || args[0] === 'preview') return runUntilWatching(args);
  // `init DIR` and `new DIR` are shown starting afresh.
  if (args[0] === 'init' || args[0] === 'new') rmSync(join(cwd, args[1]!), { recursive: true, force: true });
  // Several reports are built by worker threads of the compiled program.
  if (args.filter((a) => a === '--data').length > 1 || args.some((a, i) => args[i - 1] === '--locale' && a.includes(','))) {
    const r = spawnSync(process.execPath, [programPath, ...args], { cwd, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }
  const r = await runCliIn(cwd, args);
  if (redirect) writeFileSync(join(cwd, redirect), r.stdout);
  return { status: r.status, output: `${r.stdout.slice(0, 2000)}${r.stderr}` };
}

describe('every command the documentation shows', () => {
  const all = files.flatMap((file) => documented(file).map((d) => ({ file, ...d })));

  it('finds the commands, and each synopsis has a concrete instance that is still documented', () => {
    expect(all.length).toBeGreaterThan(20);
    const missing = all.filter((d) => isSynopsis(d.command) && !(d.command in INSTANCES)).map((d) => `${d.file}:${d.line}: ${d.command}`);
    expect(missing, 'documented but not run: give these an instance in INSTANCES').toEqual([]);
    const shown = new Set(all.map((d) => d.command));
    expect(
      Object.keys({ ...INSTANCES, ...EXIT_CODES }).filter((c) => !shown.has(c)),
      'instances of commands no document shows',
    ).toEqual([]);
  });

  for (const { file, line, command } of all) {
    it(`${file}:${line}: ${command}`, async () => {
      const concrete = INSTANCES[command] ?? command;
      const { status, output } = await run(concrete);
      expect(status, `${concrete}\n${output}`).toBe(EXIT_CODES[command]?.code ?? 0);
    });
  }

  it('names npm scripts that exist and test paths that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const lines = files.flatMap(npmLines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      for (const [, name] of line.matchAll(/npm run (\S+)/g)) expect(scripts, line).toHaveProperty(name!);
      if (/\bnpm test\b/.test(line)) expect(scripts, line).toHaveProperty('test');
      for (const path of namedPaths(line)) expect(existsSync(join(packageRoot, path)), `${line}: ${path}`).toBe(true);
    }
  });
});
