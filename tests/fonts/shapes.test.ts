// Shaped strings kept in the cache folder: read back by a later process, and the PDF byte for byte the one a build
// without them makes. Each build is its own process, since a process keeps its shapings in memory as well.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeShapes, encodeShapes, type KeptRun } from '../../src/fonts/shapes.js';
import { baseBuilds, runProgram } from '../support.js';

const { work, cache, base, build } = baseBuilds('annual-review-shapes-');
const shapes = join(cache, 'shapes');
let n = 0;
const files = () => readdirSync(shapes).filter((f) => f.endsWith('.bin'));
/** A font's kept runs: the file's key is its name. */
const runsIn = (path: string) => decodeShapes(readFileSync(path), basename(path, '.bin'))!;
/** Rewrites every kept run of every font's file, its numbers as plain arrays. */
function rewrite(change: (run: KeptRun & { calls: number[]; positions: number[] }) => void): void {
  for (const file of files()) {
    const runs = [...runsIn(join(shapes, file))].map(([key, kept]) => {
      const run = { ...kept, calls: Array.from(kept.calls), glyphs: Array.from(kept.glyphs), positions: Array.from(kept.positions) };
      change(run);
      return [key, run] as const;
    });
    writeFileSync(join(shapes, file), encodeShapes(basename(file, '.bin'), runs));
  }
}

describe('shaped strings kept between runs', () => {
  let first: Buffer;
  beforeAll(() => {
    first = build('--cache-dir', cache);
  });

  it('are kept per font, and a build from them is byte for byte a build without them', () => {
    expect(files().length).toBeGreaterThan(0);
    const keys = files().flatMap((f) => [...runsIn(join(shapes, f)).keys()]);
    expect(keys.some((key) => key.includes('Harbour'))).toBe(true);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(build('--no-cache').equals(first)).toBe(true);
  });

  it('are read back, not shaped again', () => {
    // Kept positions changed on disk show in the PDF: the strings were not shaped afresh.
    rewrite((run) => (run.positions = run.positions.map((p, i) => (i % 4 === 0 ? p + 7 : p))));
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
  });

  it('are shaped afresh when a kept number is not one shaping gives', () => {
    const kept = files().map((file) => [file, readFileSync(join(shapes, file))] as const);
    // Every run damaged, each time from the files as they were: a refused run is shaped, and its file left as it is.
    const damaged = (change: Parameters<typeof rewrite>[0]) => {
      for (const [file, bytes] of kept) writeFileSync(join(shapes, file), bytes);
      rewrite(change);
      return build('--cache-dir', cache);
    };
    expect(damaged((run) => (run.positions = run.positions.map((p, i) => (i === 0 ? Number.NaN : p)))).equals(first)).toBe(true);
    expect(damaged((run) => (run.glyphs = Array.from(run.glyphs, (g, i) => (i === 0 ? g + 0.5 : g)))).equals(first)).toBe(true);
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
        .flatMap((f) => [...runsIn(join(dir, f)).keys()])
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
    for (const file of files()) writeFileSync(join(shapes, file), readFileSync(join(shapes, file)).subarray(0, 100));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    for (const file of files()) expect(runsIn(join(shapes, file)).size).toBeGreaterThan(0);
  });
});

describe("a font's file of kept runs", () => {
  const run = (n: number): KeptRun => ({
    calls: [n, 1, 65 + n, -1],
    glyphs: [n, n + 1],
    positions: [500.5, 0, -12.25, 3, 250, 0, 0, 0],
    script: 'latn',
    language: n % 2 ? null : 'vie',
    direction: 'ltr',
    features: { liga: true, kern: false },
  });
  const plain = (r: KeptRun) => ({ ...r, calls: Array.from(r.calls), glyphs: Array.from(r.glyphs), positions: Array.from(r.positions) });

  it('gives back each run as written, under its key', () => {
    const runs = [0, 1, 2].map((n) => [`text ${n} Phạm Thu Hằng`, run(n)] as const);
    const file = encodeShapes('k', runs);
    const read = decodeShapes(file, 'k')!;
    expect([...read.keys()]).toEqual(runs.map(([key]) => key));
    expect([...read.values()].map(plain)).toEqual(runs.map(([, r]) => r));
    // Also from bytes not at a multiple of 8 in their buffer, as a file read into a shared pool may be.
    const shifted = Buffer.concat([Buffer.alloc(3), file]).subarray(3);
    expect([...decodeShapes(shifted, 'k')!.values()].map(plain)).toEqual(runs.map(([, r]) => r));
  });

  it('writes 4 bytes a number when every number is a whole one, 8 otherwise, and gives each back as written', () => {
    const whole = (n: number): KeptRun => ({ ...run(n), positions: [500, 0, -12, 3, 250, 0, 0, 0] });
    const sizeOf = (file: Buffer) => (JSON.parse(file.toString('utf8', 4, 4 + file.readUInt32LE(0))) as { size: number }).size;
    const runs = [0, 1, 2].map((n) => [`t${n}`, whole(n)] as const);
    const file = encodeShapes('k', runs);
    expect(sizeOf(file)).toBe(4);
    expect(sizeOf(encodeShapes('k', [...runs, ['half', run(3)]]))).toBe(8);
    // -0 is not a 32-bit integer's: its sign is kept.
    const negativeZero = encodeShapes('k', [['z', { ...whole(4), positions: [500, -0, 0, 0, 250, 0, 0, 0] }]]);
    expect(sizeOf(negativeZero)).toBe(8);
    expect(Object.is(decodeShapes(negativeZero, 'k')!.get('z')!.positions[1], -0)).toBe(true);
    expect([...decodeShapes(file, 'k')!.values()].map(plain)).toEqual(runs.map(([, r]) => r));
    const shifted = Buffer.concat([Buffer.alloc(3), file]).subarray(3);
    expect([...decodeShapes(shifted, 'k')!.values()].map(plain)).toEqual(runs.map(([, r]) => r));
    expect(decodeShapes(file.subarray(0, file.length - 4), 'k')).toBeUndefined();
  });

  it('is refused when torn or under another key', () => {
    const file = encodeShapes('k', [['a', run(1)]]);
    expect(decodeShapes(file, 'other')).toBeUndefined();
    expect(decodeShapes(file.subarray(0, file.length - 8), 'k')).toBeUndefined();
    expect(decodeShapes(file.subarray(0, 10), 'k')).toBeUndefined();
    expect(decodeShapes(Buffer.alloc(0), 'k')).toBeUndefined();
    expect(decodeShapes(encodeShapes('k', []), 'k')!.size).toBe(0);
  });

  it('lists each set of features once, and each run names its own', () => {
    const runs = [0, 1, 2, 3].map((n) => [`t${n}`, { ...run(n), features: (n === 3 ? { kern: true } : { liga: true, kern: false }) as Record<string, boolean> }] as const);
    const file = encodeShapes('k', runs);
    const header = JSON.parse(file.toString('utf8', 4, 4 + file.readUInt32LE(0))) as { features: unknown[] };
    expect(header.features).toEqual([{ liga: true, kern: false }, { kern: true }]);
    expect([...decodeShapes(file, 'k')!.values()].map((r) => r.features)).toEqual(runs.map(([, r]) => r.features));
  });
});
