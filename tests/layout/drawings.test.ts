// Recorded drawings kept in the cache folder: played back by a later process, and the PDF byte for byte the one a
// build without them makes. Each build is its own process, since a process keeps its recordings in memory as well.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseBuilds } from '../support.js';

const { build, cache } = baseBuilds('annual-review-drawings-');
const drawings = join(cache, 'drawings');
const files = () => readdirSync(drawings).filter((f) => f.endsWith('.jsonl'));
/** A file's lines after its key: each a drawing's key and its recording, a tab between them. */
const linesIn = (text: string) => text.split('\n').slice(1, -1);
const entriesIn = (file: string) => linesIn(readFileSync(join(drawings, file), 'utf8')).map((line) => line.split('\t').map((part) => JSON.parse(part) as unknown));

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
    const magenta = (line: string) => {
      const [name, recording] = line.split('\t');
      return `${name}\t${JSON.stringify(JSON.parse(recording!), (_key, value: unknown) => (Array.isArray(value) && value[0] === 0 && value[1] === 'fillColor' ? [0, 'fillColor', [[255, 0, 255], 1]] : value))}`;
    };
    const text = [kept.split('\n')[0], ...linesIn(kept).map(magenta), ''].join('\n');
    expect(text).not.toBe(kept);
    writeFileSync(file, text);
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
    writeFileSync(file, kept);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
  });

  it('draw again a drawing whose recording does not parse, and keep the new one', () => {
    const file = join(drawings, files()[0]!);
    const kept = readFileSync(file, 'utf8');
    const lines = kept.split('\n');
    const [name] = lines[1]!.split('\t');
    writeFileSync(file, [lines[0], `${name}\t{"ops":[[0,"save"`, ...lines.slice(2)].join('\n'));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('{"ops":[[0,"save"\n');
    expect(entriesIn(files()[0]!)).toHaveLength(lines.length - 2);
  });

  it('survive a file that cannot be read: the charts are drawn, and the file written anew', () => {
    const file = join(drawings, files()[0]!);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(entriesIn(files()[0]!).length).toBeGreaterThan(1);
  });
});
