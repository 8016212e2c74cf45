// The cache folder's files are written whole or not at all for every other process, but not flushed to the disk before
// they are renamed into place (src/output/index.ts, `keepInCache`): a system that stops before it wrote them out may
// leave them empty or filled with zeros. Every reader takes such a file for none: the build is the same, and the file
// is written anew.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseBuilds, programPath, runTool } from '../support.js';

const { work, cache, base } = baseBuilds('annual-review-cache-damage-');

/** Every file of the cache folder, by its path within it. */
const cacheFiles = (): string[] => readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(cache, f)).isFile());

/**
 * A build with the cache folder, started under V8 settings other than those the program's own code cache was made
 * under, so that it keeps a code cache of its own in the folder too.
 */
function build(name: string): Buffer {
  const out = join(work, `${name}.pdf`);
  const run = runTool(process.execPath, ['--max-inlined-bytecode-size=461', programPath, 'build', base, '-o', out, '--no-exports', '--quiet', '--cache-dir', cache]);
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out);
}

describe('a cache folder whose files a stopped system left empty or zeroed', () => {
  let first: Buffer;
  let files: string[];
  beforeAll(() => {
    first = build('first');
    files = cacheFiles();
  });

  it('holds a file in each of its folders after a first build', () => {
    expect([...new Set(files.map((f) => f.split(/[\\/]/)[0]))].sort()).toEqual(['charts', 'code', 'deflated', 'drawings', 'hyphenation', 'markup', 'shapes', 'subsets', 'templates', 'yaml']);
  });

  for (const [how, damage] of [
    ['empty', () => Buffer.alloc(0)],
    ['filled with zeros', (size: number) => Buffer.alloc(size)],
  ] as const) {
    it(`is taken for none when every file is ${how}: the same PDF, and the files written anew`, () => {
      for (const f of files) writeFileSync(join(cache, f), damage(statSync(join(cache, f)).size));
      expect(build(how.replace(/ /g, '-')).equals(first)).toBe(true);
      const rewritten = files.filter((f) => statSync(join(cache, f)).size > 0 && readFileSync(join(cache, f)).some((byte) => byte !== 0));
      expect(files.filter((f) => !rewritten.includes(f))).toEqual([]);
      // And read back: a build from the files written anew makes the same PDF.
      expect(build(`${how.replace(/ /g, '-')}-again`).equals(first)).toBe(true);
    });
  }
});
