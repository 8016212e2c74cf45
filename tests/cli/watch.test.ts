// `annual-review build --watch`: a change rebuilds, a burst of saves rebuilds once, broken input keeps the last good
// PDF and says where the error is, and SIGINT stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { readPdf } from '../pdf-reader.js';
import { programPath as cli } from '../support.js';

/** The small fictional dataset: every rebuild is quick. */
const baseDataset = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
let work: string;
let data: string;
let template: string;
let pdf: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';

/** Waits until `check` holds, polling; fails after `seconds`. */
async function eventually(check: () => boolean, what: string, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
const rebuilds = () => count(stdout, /^rebuilt .* in \d+\.\d\d s$/);
const editIn = (dir: string, file: string, change: (t: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const edit = (file: string, change: (t: string) => string) => editIn(data, file, change);
const coverText = async () => (await readPdf(readFileSync(pdf))).pages[0]!.replace(/\s+/g, ' ');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-watch-'));
  data = join(work, 'data');
  cpSync(baseDataset, data, { recursive: true });
  template = join(work, 'template');
  mkdirSync(join(template, 'partials'), { recursive: true });
  cpSync(join(builtinTemplateDir, 'partials', 'cover.md.hbs'), join(template, 'partials', 'cover.md.hbs'));
  pdf = join(work, 'out', 'review.pdf');
  child = spawn(process.execPath, [cli, 'build', '--watch', '--data', data, '--template', template, '--out', pdf], { cwd: packageRoot });
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  await eventually(() => stdout.includes('press Ctrl+C to stop'), 'the first build', 60);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('annual-review build --watch', () => {
  it('builds at start and rebuilds after a change to the dataset, printing the time taken', async () => {
    expect(stdout).toMatch(/^wrote .*review\.pdf/m);
    const first = readFileSync(pdf);
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: A Title Changed While Watching'));
    await eventually(() => rebuilds() === 1, 'a rebuild');
    const second = readFileSync(pdf);
    expect(Buffer.compare(first, second)).not.toBe(0);
    expect(await coverText()).toContain('A Title Changed While Watching');
  });

  it('rebuilds once for a burst of saves', async () => {
    for (let i = 0; i < 5; i++) edit('review.yaml', (t) => t.replace(/^title: .*$/m, `title: Saved ${i} times`));
    await eventually(() => rebuilds() === 2, 'the rebuild after the burst');
    await new Promise((r) => setTimeout(r, 1500));
    expect(rebuilds()).toBe(2);
    expect(await coverText()).toContain('Saved 4 times');
  });

  it('reports broken YAML where it is and keeps the last good PDF, then recovers', async () => {
    const good = readFileSync(pdf);
    const original = readFileSync(join(data, 'claims.yaml'), 'utf8');
    edit('claims.yaml', (t) => t.replace(/\n {4}source: /, '\n    source: [unclosed\n'));
    await eventually(() => stderr.includes('from the last good build'), 'the failure');
    expect(stderr).toMatch(/claims\.yaml:\d+:\d+: YAML syntax error/);
    expect(Buffer.compare(readFileSync(pdf), good)).toBe(0);
    writeFileSync(join(data, 'claims.yaml'), original);
    await eventually(() => rebuilds() === 3, 'the rebuild after the fix');
  });

  it('rebuilds after a change to a file of the template folder', async () => {
    editIn(template, 'partials/cover.md.hbs', (t) => t.replace(/\n:::\s*$/, '\n\nA line added to the cover.\n:::\n'));
    await eventually(() => rebuilds() === 4, 'the rebuild after the template change');
    expect(await coverText()).toContain('A line added to the cover.');
  });

  it('keeps seeing a file an editor saved by renaming a new copy over it, then written in place', async () => {
    const before = rebuilds();
    const file = join(data, 'review.yaml');
    writeFileSync(`${file}.swp`, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Saved By Rename'));
    renameSync(`${file}.swp`, file);
    await eventually(() => rebuilds() === before + 1, 'a rebuild after a save by rename');
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: Then Written In Place'));
    await eventually(() => rebuilds() === before + 2, 'a rebuild after an in-place write of the renamed file');
    expect(await coverText()).toContain('Then Written In Place');
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped watching\n$/);
  });
});
