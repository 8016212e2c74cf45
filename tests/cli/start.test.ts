// The built program starts from V8's code cache, kept in the cache folder per command: made by a first run, used by
// the next, and never written with --no-cache. The chart libraries have theirs, made and read only when a chart is
// drawn, and so do the installed packages it requires (pdfkit, fontkit, linebreak). A run from the cache does all a
// first run does, ES module packages imported while it runs (pdf.js, for extract-data) included.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_DATASET } from '../../src/cli/sizing.js';
import { packageRoot } from '../../src/input/paths.js';
import { programPath, runProgram, runTool } from '../support.js';

const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
const work = mkdtempSync(join(tmpdir(), 'annual-review-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const codeFiles = (cache: string) => (existsSync(join(cache, 'code')) ? readdirSync(join(cache, 'code')).sort() : []);

describe('the program started from the code cache', () => {
  it('is kept per command by a first run and used by the next, with the same results', () => {
    const cache = join(work, 'cache');
    // Data of an earlier build of the program: the command's is replaced, another command's left alone.
    mkdirSync(join(cache, 'code'), { recursive: true });
    const stale = (command: string) => `${'0'.repeat(32)}-${command}.bin`;
    for (const command of ['build', 'extract-data']) writeFileSync(join(cache, 'code', stale(command)), 'old');
    const first = runProgram('build', base, '-o', join(work, 'a.pdf'), '--cache-dir', cache);
    expect(first.status, first.stderr).toBe(0);
    const kept = codeFiles(cache).filter((f) => f !== stale('extract-data'));
    // The program's, the chart libraries' (the first build draws its charts) and the installed packages' it requires.
    expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{32}-build\.bin$/), expect.stringMatching(/^[0-9a-f]{32}-library-vega\.bin$/)]));
    expect(kept).toEqual(expect.arrayContaining(['pdfkit', 'fontkit', 'linebreak'].map((name) => expect.stringMatching(new RegExp(`^[0-9a-f]{32}-package-${name}\\.bin$`)))));
    expect(kept).toHaveLength(5);
    expect(kept).not.toContain(stale('build'));
    expect(codeFiles(cache)).toContain(stale('extract-data'));
    const made = kept.map((f) => readFileSync(join(cache, 'code', f)));
    const again = runProgram('build', base, '-o', join(work, 'b.pdf'), '--cache-dir', cache);
    expect(again.status, again.stderr).toBe(0);
    // Read, not made again (V8 accepted it), and the same PDF.
    kept.forEach((f, i) => expect(readFileSync(join(cache, 'code', f)).equals(made[i]!)).toBe(true));
    expect(readFileSync(join(work, 'b.pdf')).equals(readFileSync(join(work, 'a.pdf')))).toBe(true);
  });

  it('writes a cache that holds every function its run ran, the program’s top level among them', () => {
    // V8 would drop the bytecode of functions run once at the start (over a thousand in a build) before the run ends,
    // and the cache written after it would leave them out: each later start would compile them again.
    const cache = join(work, 'cache-kept');
    const run = runTool(process.execPath, ['--trace-flush-bytecode', programPath, 'build', base, '-o', join(work, 'k.pdf'), '--cache-dir', cache]);
    expect(run.status, run.stderr).toBe(0);
    expect(codeFiles(cache)).toHaveLength(5);
    expect(`${run.stdout}${run.stderr}`.match(/discarding compiled metadata/g) ?? []).toEqual([]);
  });

  it('compiles the chart libraries apart, only for a build that draws a chart', () => {
    const cache = join(work, 'cache-libraries');
    const build = () => {
      const run = runProgram('build', base, '-o', join(work, 'v.pdf'), '--cache-dir', cache);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(join(work, 'v.pdf'));
    };
    const libraries = () => codeFiles(cache).filter((f) => f.endsWith('-library-vega.bin'));
    const first = build();
    expect(libraries()).toHaveLength(1);
    // Its cache gone, a build whose charts come from the cache folder does not load the libraries: nothing to write.
    rmSync(join(cache, 'code', libraries()[0]!));
    expect(build().equals(first)).toBe(true);
    expect(libraries()).toEqual([]);
    // One whose charts are drawn does, and keeps their cache again.
    rmSync(join(cache, 'charts'), { recursive: true });
    rmSync(join(cache, 'drawings'), { recursive: true });
    expect(build().equals(first)).toBe(true);
    expect(libraries()).toHaveLength(1);
  });

  it('is used again after a build of a large dataset, which sizes V8 otherwise while it runs', () => {
    // V8 marks the cache with its settings when the cache is made, and refuses it to a start made under others.
    const large = join(work, 'large');
    cpSync(base, large, { recursive: true });
    writeFileSync(join(large, 'padding.txt'), 'x'.repeat(SMALL_DATASET + 1));
    const cache = join(work, 'cache-large');
    const first = runProgram('build', large, '-o', join(work, 'l1.pdf'), '--cache-dir', cache);
    expect(first.status, first.stderr).toBe(0);
    const files = codeFiles(cache);
    expect(files).toHaveLength(5);
    const made = files.map((f) => readFileSync(join(cache, 'code', f)));
    const again = runProgram('build', large, '-o', join(work, 'l2.pdf'), '--cache-dir', cache);
    expect(again.status, again.stderr).toBe(0);
    expect(codeFiles(cache)).toEqual(files);
    files.forEach((f, i) => expect(readFileSync(join(cache, 'code', f)).equals(made[i]!)).toBe(true));
  });

  it('imports ES module packages when started from the cache', () => {
    const cache = join(work, 'cache-env');
    const saved = process.env.ANNUAL_REVIEW_CACHE_DIR;
    process.env.ANNUAL_REVIEW_CACHE_DIR = cache;
    try {
      for (const out of ['x1', 'x2']) {
        const run = runProgram('extract-data', join(work, 'a.pdf'), '--out', join(work, out));
        expect(run.status, run.stderr).toBe(0);
        expect(readdirSync(join(work, out))).toContain('discrepancies.json');
      }
      expect(codeFiles(cache)).toEqual([expect.stringMatching(/-extract-data\.bin$/)]);
    } finally {
      process.env.ANNUAL_REVIEW_CACHE_DIR = saved;
    }
  });

  it('keeps nothing with --no-cache', () => {
    const cache = join(work, 'cache-none');
    const saved = process.env.ANNUAL_REVIEW_CACHE_DIR;
    process.env.ANNUAL_REVIEW_CACHE_DIR = cache;
    try {
      const run = runProgram('build', base, '-o', join(work, 'c.pdf'), '--no-cache');
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(cache)).toBe(false);
    } finally {
      process.env.ANNUAL_REVIEW_CACHE_DIR = saved;
    }
  });
});
