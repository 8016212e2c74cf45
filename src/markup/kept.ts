// The template's Markdown kept parsed between runs, beside the drawn charts and shaped text: a file per review (its
// dataset, template and locale) with the syntax tree of the Markdown its last build wrote, under a hash of that
// Markdown and of the parsing code. A build whose template writes the same Markdown reads the tree back instead of
// parsing it (Markdown and typographic punctuation are most of the cost of turning a review into a Document); one
// whose Markdown differs in any character parses it and keeps the new tree in place of the old. Each review's file
// stays the size of one tree. The folder can be deleted at any time; a file that cannot be read is written anew.
import { join } from 'node:path';
import type { Root } from 'mdast';
import { codeIdentity } from '../input/paths.js';
import { cacheEntryIn, keepInCache, readCacheFile, remember, sha256 } from '../output/index.js';

/** Raised when the file's format changes, so that no older file is read as a newer one. */
const FORMAT = 1;

/** Where a build keeps its parsed Markdown: the cache folder, and what tells its review apart from others. */
export interface MarkupCache {
  dir: string;
  review: string;
}

/** The parsing code and the packages it runs: a change to either parses afresh. */
const parserIdentity = () =>
  codeIdentity(
    [
      'micromark',
      'mdast-util-from-markdown',
      'micromark-extension-directive',
      'mdast-util-directive',
      'micromark-extension-gfm-table',
      'mdast-util-gfm-table',
      'retext',
      'retext-smartypants',
      'parse-latin',
    ],
    [new URL('./', import.meta.url)],
  );

/**
 * Trees parsed or read in this process, as the bytes of their files (UTF-8, outside the JavaScript heap, where a
 * string of a large review's tree would take twice the room), with the files known to hold them.
 */
const memory = new Map<string, { bytes: Buffer; files: Set<string> }>();
/** Trees kept in memory: a few reviews, as a batch, `watch` or `preview` builds them. */
const REMEMBERED = 8;
/**
 * A tree whose file (UTF-8 JSON) is longer than this is not kept in memory when a file in the cache folder holds it: a
 * rebuild reads it from there again. A large review's (13.5 MB for the ×100 review) would be held for the whole build,
 * which reads it once.
 */
export const REMEMBERED_BYTES = 4 * 1024 * 1024;

/**
 * The tree `parse` makes of `markdown`: from memory when this process has parsed or read it, else read from the
 * review's file when it holds this Markdown's, else parsed; kept in memory (unless it is large and in a file: see
 * `REMEMBERED_BYTES`) and, with `cache`, in the review's file.
 * Each call has a tree of its own.
 */
export function keptTree(markdown: string, parse: (markdown: string) => Root, cache?: MarkupCache): Root {
  const key = sha256(`${FORMAT}\n${parserIdentity()}\n${markdown}`);
  const file = cache && join(cache.dir, 'markup', `${sha256(`${FORMAT}\n${cache.review}`)}.json`);
  const known = memory.get(key);
  if (known) {
    if (file !== undefined && !known.files.has(file)) {
      keepInCache(file, known.bytes);
      known.files.add(file);
    }
    return (JSON.parse(known.bytes.toString('utf8')) as { root: Root }).root;
  }
  // Without a file yet, or one that cannot be read, the Markdown is parsed and the file written anew.
  const read = file === undefined ? undefined : readCacheFile(file);
  const kept = read && (cacheEntryIn(read.toString('utf8'), key) as { key: string; root?: Root } | undefined);
  if (read && kept?.root?.type === 'root' && Array.isArray(kept.root.children)) {
    keepInMemory(key, read, file);
    return kept.root;
  }
  const root = parse(markdown);
  const bytes = Buffer.from(JSON.stringify({ key, root }));
  if (file !== undefined) keepInCache(file, bytes);
  keepInMemory(key, bytes, file);
  return root;
}

const keepInMemory = (key: string, bytes: Buffer, file: string | undefined) => {
  if (file === undefined || bytes.length <= REMEMBERED_BYTES) remember(memory, key, { bytes, files: new Set(file === undefined ? [] : [file]) }, REMEMBERED);
};
