// Font subsets kept in the cache folder: read back by a later process instead of encoded, and the PDF byte for byte
// the one a build without them makes. Each build is its own process, since a process keeps its subsets in memory too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseBuilds } from '../support.js';

const { build, cache } = baseBuilds('annual-review-subsets-');
const subsets = join(cache, 'subsets');
const files = () => readdirSync(subsets).filter((f) => f.endsWith('.json'));
type Kept = { key: string; entries: [string, string][] };
const read = (file: string) => JSON.parse(readFileSync(join(subsets, file), 'utf8')) as Kept;

describe('font subsets kept between runs', () => {
  let first: Buffer;
  beforeAll(() => {
    first = build('--cache-dir', cache);
  });

  it('are kept per font, one subset each, and a build from them is byte for byte a build without them', () => {
    expect(files().length).toBeGreaterThan(1);
    for (const file of files()) expect(read(file).entries).toHaveLength(1);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(build('--no-cache').equals(first)).toBe(true);
  });

  it('are read back, not encoded again', () => {
    const kept = files().map((file) => [file, readFileSync(join(subsets, file), 'utf8')] as const);
    // Each kept subset with a byte changed: the fonts embedded in the PDF change with them.
    for (const [file] of kept) {
      const entry = read(file);
      const bytes = Buffer.from(entry.entries[0]![1], 'base64');
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
      entry.entries[0]![1] = bytes.toString('base64');
      writeFileSync(join(subsets, file), JSON.stringify(entry));
    }
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
    for (const [file, text] of kept) writeFileSync(join(subsets, file), text);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
  });

  it('survive a file that cannot be read: the subset is encoded, and the file written anew', () => {
    for (const file of files()) writeFileSync(join(subsets, file), readFileSync(join(subsets, file)).subarray(0, 20));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    for (const file of files()) expect(read(file).entries).toHaveLength(1);
  });
});
