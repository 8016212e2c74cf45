// `annual-review build --watch` started on a temporary copy of the small fictional dataset, with a template folder of
// one's own: what tests/cli/watch.test.ts and tests/system/watch-git.test.ts edit and watch.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinTemplateDir, packageRoot } from '../src/input/paths.js';
import { readPdf } from './pdf-reader.js';
import { programPath } from './support.js';

/** The small fictional dataset: every rebuild is quick. */
const baseDataset = join(packageRoot, 'tests', 'fixtures', 'base-dataset');

export interface Watching {
  work: string;
  data: string;
  template: string;
  pdf: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Waits until `check` holds, polling; fails after `seconds`, with what the program printed. */
  eventually(check: () => boolean, what: string, seconds?: number): Promise<void>;
  /** How many rebuilds have been reported. */
  rebuilds(): number;
  editIn(dir: string, file: string, change: (t: string) => string): void;
  /** The first page's text, spaces collapsed. */
  coverText(): Promise<string>;
  /** The PDF's text, spaces collapsed. */
  text(): Promise<string>;
  stop(): void;
}

export async function startWatching(): Promise<Watching> {
  const work = mkdtempSync(join(tmpdir(), 'annual-review-watch-'));
  const data = join(work, 'data');
  cpSync(baseDataset, data, { recursive: true });
  const template = join(work, 'template');
  mkdirSync(join(template, 'partials'), { recursive: true });
  cpSync(join(builtinTemplateDir, 'partials', 'cover.md.hbs'), join(template, 'partials', 'cover.md.hbs'));
  const pdf = join(work, 'out', 'review.pdf');
  const child = spawn(process.execPath, [programPath, 'build', '--watch', '--data', data, '--template', template, '--out', pdf], { cwd: packageRoot });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const eventually = async (check: () => boolean, what: string, seconds = 30) => {
    const deadline = Date.now() + seconds * 1000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const pagesText = async () => (await readPdf(readFileSync(pdf))).pages.map((p) => p.replace(/\s+/g, ' '));
  const watching: Watching = {
    work,
    data,
    template,
    pdf,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    eventually,
    rebuilds: () => stdout.match(/^rebuilt .* in \d+\.\d\d s$/gm)?.length ?? 0,
    editIn: (dir, file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
    coverText: async () => (await pagesText())[0]!,
    text: async () => (await pagesText()).join(' '),
    stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(work, { recursive: true, force: true });
    },
  };
  await eventually(() => stdout.includes('press Ctrl+C to stop'), 'the first build', 60);
  return watching;
}
