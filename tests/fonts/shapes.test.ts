// Shaped strings kept in the cache folder: read back by a later process, and the PDF byte for byte the one a build
// without them makes. Each build is its own process, since a process keeps its shapings in memory as well.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRun, encodeRun, numbers, type KeptRun } from '../../src/fonts/shapes.js';
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
type StoreFile = { key: string; runs: [string, string][] };
const files = () => readdirSync(shapes).filter((f) => f.endsWith('.json'));
/** Rewrites every kept run of every font's file. */
function rewrite(change: (run: KeptRun) => void): void {
  for (const file of files()) {
    const store = JSON.parse(readFileSync(join(shapes, file), 'utf8')) as StoreFile;
    store.runs = store.runs.map(([key, text]) => {
      const run = decodeRun(text)!;
      change(run);
      return [key, encodeRun(run)];
    });
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

  it('are kept per review, each file with the strings of its last build alone', () => {
    const other = join(work, 'other');
    const cacheB = join(work, 'cache-b');
    cpSync(base, other, { recursive: true });
    const review = join(other, 'review.yaml');
    writeFileSync(review, readFileSync(review, 'utf8').replace('title: Harbour Council Review 2030', 'title: Zebrafinch Council Review 2030'));
    const run = (data: string) => {
      const r = runProgram('build', data, '-o', join(work, `o${n++}.pdf`), '--no-exports', '--quiet', '--cache-dir', cacheB);
      expect(r.status, r.stderr).toBe(0);
    };
    run(base);
    const dir = join(cacheB, 'shapes');
    const ofBase = readdirSync(dir).sort();
    run(other);
    // Another review has files of its own; the first review's are left as they were.
    expect(readdirSync(dir).length).toBe(2 * ofBase.length);
    const named = (text: string) =>
      readdirSync(dir)
        .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoreFile).runs.map(([key]) => key))
        .filter((key) => key.includes(text));
    expect(named('Harbour').length).toBeGreaterThan(0);
    expect(named('Zebrafinch').length).toBeGreaterThan(0);
    // A new title in the same review: its file forgets the old one.
    writeFileSync(review, readFileSync(review, 'utf8').replace('title: Zebrafinch Council Review 2030', 'title: Quokkaville Council Review 2030'));
    run(other);
    expect(named('Zebrafinch')).toEqual([]);
    expect(named('Quokkaville').length).toBeGreaterThan(0);
  });

  it('survive a file that cannot be read: its strings are shaped, and the file written anew', () => {
    for (const file of files()) writeFileSync(join(shapes, file), '{"key": "torn');
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    for (const file of files()) expect(() => JSON.parse(readFileSync(join(shapes, file), 'utf8')) as unknown).not.toThrow();
  });
});

describe('the numbers of a kept run', () => {
  it('are read as Number reads each part between commas, integers without a string each', () => {
    const texts = ['', '0', '-0', '12,-3,450', '1.5,2e3,-7', ',', '1,,2', '-', 'x', '123456789012345678', '999999999999999', ' 4', '+5', '-1.25', '0x10'];
    for (const text of texts) {
      const expected = text ? text.split(',').map(Number) : [];
      const read = numbers(text);
      expect(read.length, text).toBe(expected.length);
      read.forEach((n, i) => expect(Object.is(n, expected[i]), `${text}: ${n} for ${expected[i]}`).toBe(true));
    }
  });
});
