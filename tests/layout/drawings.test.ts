// Recorded drawings kept in the cache folder: played back by a later process, and the PDF byte for byte the one a
// build without them makes. Each build is its own process, since a process keeps its recordings in memory as well.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { runProgram } from '../support.js';

const base = join(packageRoot, 'tests', 'fixtures', 'base-dataset');
const work = mkdtempSync(join(tmpdir(), 'annual-review-drawings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cache = join(work, 'cache');
const drawings = join(cache, 'drawings');
let n = 0;
/** Builds the base dataset in a new process and returns the PDF's bytes. */
function build(...options: string[]): Buffer {
  const out = join(work, `r${n++}.pdf`);
  const run = runProgram('build', base, '-o', out, '--no-exports', '--quiet', ...options);
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out);
}
const files = () => readdirSync(drawings).filter((f) => f.endsWith('.json'));
const entriesIn = (file: string) => (JSON.parse(readFileSync(join(drawings, file), 'utf8')) as { entries: [string, { ops: unknown[][] }][] }).entries;

describe('drawings kept between runs', () => {
  let first: Buffer;
  beforeAll(() => {
    first = build('--cache-dir', cache);
  });

  it('are kept per review, each under its key, and a build from them is byte for byte a build without them', () => {
    expect(files()).toHaveLength(1);
    expect(entriesIn(files()[0]!).length).toBeGreaterThan(1);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(build('--no-cache').equals(first)).toBe(true);
  });

  it('are played back, not drawn again', () => {
    const file = join(drawings, files()[0]!);
    const kept = readFileSync(file, 'utf8');
    // A colour changed in the kept calls shows in the PDF: the charts were played back.
    const text = JSON.stringify(JSON.parse(kept), (_key, value: unknown) => (Array.isArray(value) && value[0] === 0 && value[1] === 'fillColor' ? [0, 'fillColor', [[255, 0, 255], 1]] : value));
    expect(text).not.toBe(kept);
    writeFileSync(file, text);
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
    writeFileSync(file, kept);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
  });

  it('survive a file that cannot be read: the charts are drawn, and the file written anew', () => {
    const file = join(drawings, files()[0]!);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(entriesIn(files()[0]!).length).toBeGreaterThan(1);
  });
});
