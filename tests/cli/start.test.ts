// The built program starts from V8's code cache. `npm run build` makes the program's own for a build (dist/cli/code/,
// scripts/code-cache.mjs), which a first build reads. A command without one, or under a V8 that refuses it, keeps its
// own in the cache folder per command: made by a first run, used by the next, and never written with --no-cache. The
// chart libraries have theirs, made and read only when a chart is drawn, and so do the installed packages it requires
// (pdfkit, fontkit, linebreak). A run from the cache does all a first run does, ES module packages imported while it
// runs (pdf.js, for extract-data) included.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** The program's own code cache, made by `npm run build`. */
const shipped = join(packageRoot, 'dist', 'cli', 'code');

/**
 * The program started under V8 settings other than those its own code cache was made under (an optimizer limit one
 * above V8's own): V8 refuses that data, as another Node's V8 does, and the program keeps a cache of its own.
 */
const runElsewhere = (...args: string[]) => runTool(process.execPath, ['--max-inlined-bytecode-size=461', programPath, ...args]);

describe("the program's own code cache", () => {
  it('is made by the build for a build: the program, the chart libraries and the packages it requires', () => {
    const parts = readdirSync(shipped).map((f) => /^[0-9a-f]{32}-(.+)\.bin$/.exec(f)?.[1]);
    expect(parts.sort()).toEqual(['build', 'library-vega', 'package-fontkit', 'package-linebreak', 'package-pdfkit']);
  });

  it('is what a first build compiles from, so that it keeps none of its own', () => {
    const cache = join(work, 'cache-first');
    // Data an earlier build of the program kept: of no more use for a build, and gone after it; another command's stays.
    mkdirSync(join(cache, 'code'), { recursive: true });
    const stale = (command: string) => `${'0'.repeat(32)}-${command}.bin`;
    for (const command of ['build', 'validate']) writeFileSync(join(cache, 'code', stale(command)), 'old');
    // V8 says how many bytes of code cache it reads (and nothing else changes under this setting).
    const run = runTool(process.execPath, ['--profile-deserialization', programPath, 'build', base, '-o', join(work, 'f.pdf'), '--cache-dir', cache]);
    expect(run.status, run.stderr).toBe(0);
    const read = [...`${run.stdout}${run.stderr}`.matchAll(/Deserializing from (\d+) bytes/g)].map((m) => Number(m[1]));
    for (const f of readdirSync(shipped)) expect(read, f).toContain(statSync(join(shipped, f)).size);
    expect(codeFiles(cache)).toEqual([stale('validate')]);
    const elsewhere = runElsewhere('build', base, '-o', join(work, 'g.pdf'), '--cache-dir', cache);
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(readFileSync(join(work, 'g.pdf')).equals(readFileSync(join(work, 'f.pdf')))).toBe(true);
  });
});

describe('the program started from the code cache of the cache folder', () => {
  it('is kept per command by a first run and used by the next, with the same results, where V8 refuses the program’s own', () => {
    const cache = join(work, 'cache');
    // Data of an earlier build of the program: the command's is replaced, another command's left alone.
    mkdirSync(join(cache, 'code'), { recursive: true });
    const stale = (command: string) => `${'0'.repeat(32)}-${command}.bin`;
    for (const command of ['build', 'extract-data']) writeFileSync(join(cache, 'code', stale(command)), 'old');
    const first = runElsewhere('build', base, '-o', join(work, 'a.pdf'), '--cache-dir', cache);
    expect(first.status, first.stderr).toBe(0);
    const kept = codeFiles(cache).filter((f) => f !== stale('extract-data'));
    // The program's, the chart libraries' (the first build draws its charts) and the installed packages' it requires.
    expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{32}-build\.bin$/), expect.stringMatching(/^[0-9a-f]{32}-library-vega\.bin$/)]));
    expect(kept).toEqual(expect.arrayContaining(['pdfkit', 'fontkit', 'linebreak'].map((name) => expect.stringMatching(new RegExp(`^[0-9a-f]{32}-package-${name}\\.bin$`)))));
    expect(kept).toHaveLength(5);
    expect(kept).not.toContain(stale('build'));
    expect(codeFiles(cache)).toContain(stale('extract-data'));
    const made = kept.map((f) => readFileSync(join(cache, 'code', f)));
    const again = runElsewhere('build', base, '-o', join(work, 'b.pdf'), '--cache-dir', cache);
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
      const run = runElsewhere('build', base, '-o', join(work, 'v.pdf'), '--cache-dir', cache);
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
    const first = runElsewhere('build', large, '-o', join(work, 'l1.pdf'), '--cache-dir', cache);
    expect(first.status, first.stderr).toBe(0);
    const files = codeFiles(cache);
    expect(files).toHaveLength(5);
    const made = files.map((f) => readFileSync(join(cache, 'code', f)));
    const again = runElsewhere('build', large, '-o', join(work, 'l2.pdf'), '--cache-dir', cache);
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
