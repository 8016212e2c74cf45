// Input and output as `typst compile IN [OUT]`: the dataset folder as an argument, -o for the PDF, -o - for standard
// output, --no-exports; a folder that is not a dataset and extra arguments are refused.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath, packageRoot } from '../../src/input/paths.js';
import { programPath, runCli, runProgram } from '../support.js';

const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
const work = mkdtempSync(join(tmpdir(), 'annual-review-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the dataset folder as an argument', () => {
  it('validates the folder given, not the bundled sample', async () => {
    const run = await runCli('validate', base);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('base-dataset: valid');
  });

  it('refuses an empty folder and a missing one, saying so', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    for (const cmd of ['validate', 'discrepancies', 'build']) {
      const run = await runCli(cmd, empty);
      expect(run.status, cmd).toBe(1);
      expect(run.stderr, cmd).toContain('review.yaml');
    }
    const missing = await runCli('validate', join(work, 'no-such-folder'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-folder');
  });

  it('is a usage error to give extra arguments, or the folder twice', async () => {
    for (const args of [
      ['validate', base, 'extra'],
      ['discrepancies', base, base],
      ['build', base, 'x'],
      ['verify', base, 'x', '--sources', base],
      ['validate', base, '--data', base],
    ]) {
      const run = await runCli(...args);
      expect(run.status, args.join(' ')).toBe(2);
    }
  });
});

describe('where drawn charts are kept', () => {
  const kept = (dir: string) => (existsSync(join(dir, 'charts')) ? readdirSync(join(dir, 'charts'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')) : []);

  it('--cache-dir keeps them there, the same PDF comes from them, and --no-cache keeps nothing', async () => {
    const cache = join(work, 'cache');
    const first = await runCli('build', base, '-o', join(work, 'c1.pdf'), '--cache-dir', cache);
    expect(first.status, first.stderr).toBe(0);
    expect(kept(cache).length).toBeGreaterThan(0);
    const again = await runCli('build', base, '-o', join(work, 'c2.pdf'), '--cache-dir', cache);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(work, 'c2.pdf')).equals(readFileSync(join(work, 'c1.pdf')))).toBe(true);
    const other = join(work, 'cache-env');
    const saved = process.env.ANNUAL_REVIEW_CACHE_DIR;
    process.env.ANNUAL_REVIEW_CACHE_DIR = other;
    try {
      const none = await runCli('build', base, '-o', join(work, 'c3.pdf'), '--no-cache');
      expect(none.status, none.stderr).toBe(0);
      expect(kept(other)).toEqual([]);
    } finally {
      process.env.ANNUAL_REVIEW_CACHE_DIR = saved;
    }
    expect((await runCli('build', base, '--no-cache', '--cache-dir', cache)).status).toBe(2);
  });
});

describe('where the PDF goes', () => {
  it('-o FILE writes there with its exports; --no-exports writes the PDF alone', async () => {
    const out = join(work, 'a', 'review.pdf');
    const run = await runCli('build', base, '-o', out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(work, 'a')).sort()).toEqual(['review', 'review.pdf']);
    const bare = join(work, 'b', 'review.pdf');
    const alone = await runCli('build', base, '-o', bare, '--no-exports');
    expect(alone.status, alone.stderr).toBe(0);
    expect(readdirSync(join(work, 'b'))).toEqual(['review.pdf']);
    expect(alone.stdout).not.toContain('exports');
  });

  it('-o - writes the PDF to standard output and nothing to the disk', async () => {
    const before = existsSync(join(packageRoot, 'output', 'harbour-2030.pdf'));
    const run = await runCli('build', base, '-o', '-');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith('%PDF-')).toBe(true);
    expect(run.stdout.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(existsSync(join(packageRoot, '-'))).toBe(false);
    expect(existsSync(join(packageRoot, 'output', 'harbour-2030.pdf'))).toBe(before);
  });

  it('-o - ends quietly, and as it would have, when the reader closes the pipe early', async () => {
    // As `annual-review build -o - | head -c 100`: the reader takes the first bytes and closes the pipe. The sample
    // review's PDF (some 300 KB) is more than a pipe holds.
    const child = spawn(process.execPath, [programPath, 'build', join(packageRoot, 'data', 'vietnam-2025'), '-o', '-', '--cache-dir', join(work, 'closed-cache')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.subarray(0, 5).toString('latin1');
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((done) => child.once('close', done));
    expect(first).toBe('%PDF-');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('-o - writes nothing but the PDF to standard output, whatever the text holds', () => {
    // An en dash and a hyphen, which the typographic punctuation plugin would print as it sets them as one em dash.
    const data = join(work, 'dashed');
    cpSync(base, data, { recursive: true });
    const narrative = join(data, 'narrative.yaml');
    writeFileSync(narrative, readFileSync(narrative, 'utf8').replace('The harbour was busy:', 'From 2029\u2013-2030 the harbour was busy:'));
    // In a process of its own: the test runner's console does not write to the standard output.
    const run = runProgram('build', data, '-o', '-', '--cache-dir', join(work, 'dashed-cache'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith('%PDF-')).toBe(true);
    expect(run.stdout).not.toContain('PunctuationNode');
  });
});

describe('what a build prints', () => {
  it('lists the stages with their times on a terminal, only the summary in a pipe, nothing with --quiet', async () => {
    const out = join(work, 'talk', 'review.pdf');
    const piped = await runCli('build', base, '-o', out, '--no-exports');
    expect(piped.stdout).toMatch(/^wrote .*review\.pdf \(\d+ pages, \d+ KB\) in [\d.]+ s\n$/);
    expect(piped.stderr).toBe('');
    const saved = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      const terminal = await runCli('build', base, '-o', out, '--no-exports');
      expect(terminal.stderr).toMatch(/^ {2}load\+analyse +[\d.]+ s$/m);
      expect(terminal.stderr).toMatch(/^ {2}charts +[\d.]+ s$/m);
      const quiet = await runCli('build', base, '-o', out, '--no-exports', '--quiet');
      expect(quiet.status).toBe(0);
      expect(quiet.stdout + quiet.stderr).toBe('');
    } finally {
      process.stderr.isTTY = saved;
    }
  });
});

describe('--emit-markdown', () => {
  it('writes the rendered Markdown, also when a later stage fails, and each message names the template line', async () => {
    const md = join(work, 'review.md');
    const run = await runCli('build', base, '-o', join(work, 'md', 'review.pdf'), '--emit-markdown', md);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('::toc');
    expect(text).not.toMatch(/[\uFDD0-\uFDEF]/);
    const template = mkdtempSync(join(work, 'template-'));
    mkdirSync(join(template, 'partials'));
    writeFileSync(join(template, 'partials', 'narrative.md.hbs'), '# Story\n\n:::figure{chart="none-such"}\nCaption.\n:::\n');
    const failing = await runCli('build', base, '--template', template, '-o', join(work, 'md2', 'review.pdf'), '--emit-markdown', md);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain(`${displayPath(join(template, 'partials', 'narrative.md.hbs'))}:3:1: the template has no chart "none-such"`);
    expect(readFileSync(md, 'utf8')).toContain(':::figure{chart="none-such"}');
    expect((await runCli('build', base, '--watch', '--emit-markdown', md)).status).toBe(2);
  });
});

describe('an output that cannot be written', () => {
  it('is said before anything is built: a folder as --out, a file where the exports go, and a folder of ones own there', async () => {
    const cache = join(work, 'early-cache');
    const folder = join(work, 'a-folder');
    mkdirSync(folder, { recursive: true });
    for (const extra of [[], ['--no-exports']]) {
      const run = await runCli('build', base, '--out', folder, '--cache-dir', cache, ...extra);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('is a folder: give a file name for the PDF');
    }
    writeFileSync(join(work, 'taken'), 'not an exports folder');
    const taken = await runCli('build', base, '--out', join(work, 'taken.pdf'), '--cache-dir', cache);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('would replace a file that is not a folder');
    mkdirSync(join(work, 'own'));
    writeFileSync(join(work, 'own', 'notes.txt'), 'kept');
    const own = await runCli('build', base, '--out', join(work, 'own.pdf'), '--cache-dir', cache);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('holds "notes.txt", which no review exports: it is not replaced');
    expect(readFileSync(join(work, 'own', 'notes.txt'), 'utf8')).toBe('kept');
    // Nothing was drawn, shaped or parsed: the builds stopped before their first stage.
    expect(existsSync(cache) ? readdirSync(cache).filter((d) => d !== 'code') : []).toEqual([]);
  });
});
