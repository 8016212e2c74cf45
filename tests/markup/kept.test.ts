// The template's Markdown kept parsed in the cache folder: a build reads the tree back when its Markdown is the one
// kept, and gets the Document it would have parsed; any other Markdown is parsed and replaces the review's tree.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseMarkup } from '../../src/markup/index.js';
import { loadReview, templateDirs, toDocument } from '../../src/pipeline.js';
import { loadLocale } from '../../src/locale/index.js';
import { packageRoot } from '../../src/input/paths.js';
import { EXAMPLE_REVIEWS } from '../support.js';

const cacheDir = () => mkdtempSync(join(tmpdir(), 'ar-markup-'));
const keptFiles = (dir: string) => readdirSync(join(dir, 'markup')).map((name) => join(dir, 'markup', name));
const none = () => undefined;
/** The markup stage as a new process loads it: no tree in memory. */
async function fresh() {
  vi.resetModules();
  return (await import('../../src/markup/index.js')).parseMarkup;
}
const markdown = `# "Quoted" title\n\nIt's a -- short ... text with a :cite[s1] and "quotes".\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n:::note\nA note's text.\n:::\n`;

describe('the kept Markdown tree', () => {
  it.each(EXAMPLE_REVIEWS)('gives the Document parsing gives, for %s in %s, when written and when read', async (name, code) => {
    const dirs = templateDirs();
    const locale = loadLocale(dirs, code);
    const review = loadReview(join(packageRoot, 'data', name), locale);
    const parsed = await toDocument(review, dirs, locale);
    const cache = { dir: cacheDir(), review: name };
    const written = await toDocument(review, dirs, locale, undefined, cache);
    expect(keptFiles(cache.dir)).toHaveLength(1);
    const read = await toDocument(review, dirs, locale, undefined, cache);
    expect(written.document).toEqual(parsed.document);
    expect(read.document).toEqual(parsed.document);
    expect(read.warnings).toEqual(parsed.warnings);
  });

  it('reads the kept tree instead of parsing, and parses other Markdown in its place', async () => {
    const cache = { dir: cacheDir(), review: 'one' };
    const first = (await fresh())(markdown, none, 'test.md', cache);
    expect(first).toEqual((await fresh())(markdown, none, 'test.md'));
    const [file] = keptFiles(cache.dir);
    // The file's tree is what the next process's parse returns: an edit to it shows.
    const kept = readFileSync(file!, 'utf8');
    expect(kept).toContain('“Quoted”');
    writeFileSync(file!, kept.replace('“Quoted”', '“Kept”'));
    const parse = await fresh();
    expect(JSON.stringify(parse(markdown, none, 'test.md', cache).blocks)).toContain('“Kept”');
    // And the tree it read is remembered, each parse getting a tree of its own.
    expect(parse(markdown, none, 'test.md')).toEqual(parse(markdown, none, 'test.md', cache));
    expect(JSON.stringify(parse(markdown, none, 'test.md').blocks)).toContain('“Kept”');
    // Other Markdown is parsed, and its tree replaces the review's.
    const other = parse(`${markdown}\nOne more "line".\n`, none, 'test.md', cache);
    expect(JSON.stringify(other.blocks)).toContain('“Quoted”');
    expect(JSON.stringify(other.blocks)).toContain('One more “line”.');
    expect(keptFiles(cache.dir)).toEqual([file]);
    expect(readFileSync(file!, 'utf8')).toContain('One more “line”.');
  });

  it('parses again when the file is torn, keeps each review apart, and writes a remembered tree to a new file', async () => {
    const dir = cacheDir();
    (await fresh())(markdown, none, 'test.md', { dir, review: 'one' });
    const [file] = keptFiles(dir);
    writeFileSync(file!, readFileSync(file!, 'utf8').slice(0, 100));
    const parse = await fresh();
    expect(parse(markdown, none, 'test.md', { dir, review: 'one' })).toEqual(parse(markdown, none, 'test.md'));
    expect(JSON.parse(readFileSync(file!, 'utf8'))).toHaveProperty('root.type', 'root');
    parse('# Another review', none, 'test.md', { dir, review: 'two' });
    expect(keptFiles(dir)).toHaveLength(2);
    parse(markdown, none, 'test.md', { dir, review: 'three' });
    expect(keptFiles(dir)).toHaveLength(3);
  });
});

describe('the kept Markdown tree in memory', () => {
  it('holds a small tree, and a large one only while no file holds it: a large tree in a file is read from the file again', async () => {
    // The limit (`REMEMBERED_BYTES`): 4 MB of the tree's file.
    const limit = 4 * 1024 * 1024;
    const large = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i}, "quoted" -- with *emphasis* and a :cite[s1].`).join('\n\n');
    for (const [text, inMemory] of [
      [markdown, true],
      [large, false],
    ] as const) {
      const dir = cacheDir();
      const parse = await fresh();
      parse(text, none, 'test.md', { dir, review: 'one' });
      const [file] = keptFiles(dir);
      const kept = readFileSync(file!, 'utf8');
      expect(Buffer.byteLength(kept) > limit).toBe(!inMemory);
      writeFileSync(file!, kept.replace('“quoted”', '“edited”').replace('“Quoted”', '“Edited”'));
      // From memory, the tree as parsed; from the file, as edited.
      const again = JSON.stringify(parse(text, none, 'test.md', { dir, review: 'one' }).blocks);
      expect(again.includes('“edited”') || again.includes('“Edited”')).toBe(!inMemory);
    }
  });
});
