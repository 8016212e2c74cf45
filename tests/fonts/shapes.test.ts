// Shaped strings kept in the cache folder: read back by a later process, and the PDF byte for byte the one a build
// without them makes. Each build is its own process, since a process keeps its shapings in memory as well.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptRun } from '../../src/fonts/shapes.js';
import { packageRoot } from '../../src/input/paths.js';
import { runProgram } from '../support.js';

const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
const work = mkdtempSync(join(tmpdir(), 'annual-review-shapes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cache = join(work, 'cache');
const shapes = join(cache, 'shapes');
let n = 0;
/** Builds the base dataset in a new process and returns the PDF's bytes. */
function build(...options: string[]): Buffer {
  const out = join(work, `r${n++}.pdf`);
  const run = runProgram('build', base, '-o', out, '--no-exports', '--quiet', ...options);
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out);
}
type StoreFile = { name: string; runs: [string, KeptRun][] };
const files = () => readdirSync(shapes).filter((f) => f.endsWith('.json'));
/** Rewrites every kept run of every font's file. */
function rewrite(change: (run: KeptRun) => void): void {
  for (const file of files()) {
    const store = JSON.parse(readFileSync(join(shapes, file), 'utf8')) as StoreFile;
    for (const [, run] of store.runs) change(run);
    writeFileSync(join(shapes, file), JSON.stringify(store));
  }
}

describe('shaped strings kept between runs', () => {
  let first: Buffer;
  beforeAll(() => {
    first = build('--cache-dir', cache);
  });

  it('are kept per font, and a build from them is byte for byte a build without them', () => {
    expect(files().length).toBeGreaterThan(0);
    const runs = files().flatMap((f) => (JSON.parse(readFileSync(join(shapes, f), 'utf8')) as StoreFile).runs);
    expect(runs.some(([key]) => key.includes('Harbour'))).toBe(true);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(build('--no-cache').equals(first)).toBe(true);
  });

  it('are read back, not shaped again', () => {
    // Kept positions changed on disk show in the PDF: the strings were not shaped afresh.
    rewrite((run) => (run.positions = run.positions.map((p, i) => (i % 4 === 0 ? p + 7 : p))));
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
  });

  it('are shaped afresh when a glyph would come back with other code points than when kept', () => {
    // Every run's first glyph lookup now says the glyph came back as U+10FFFF; so does no glyph, and every string is
    // shaped again: the changed positions are not used.
    rewrite((run) => {
      const asked = run.calls[1]!;
      run.calls.splice(2 + asked, 1, 1, 0x10ffff);
    });
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
  });

  it('survive a file that cannot be read: its strings are shaped, and the file written anew', () => {
    for (const file of files()) writeFileSync(join(shapes, file), '{"name": "torn');
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    for (const file of files()) expect(() => JSON.parse(readFileSync(join(shapes, file), 'utf8')) as unknown).not.toThrow();
  });
});
