// Hyphenation for justified text: Liang's patterns (the `hyphen` package, the TeX patterns) for a language.
//
// Loading a language's patterns and building their trie costs a start about 50 ms, and a review asks for the same few
// hundred words in each build. With a cache folder (`keepHyphenationIn`), the words a build split are kept there, a
// file per language and review, and a later build splits a kept word as the patterns did without loading them: they
// are loaded the first time a word is not found.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageVersion } from '../input/paths.js';
import { keepInCache, readCacheEntry, sha256 } from '../output/index.js';

const require = createRequire(import.meta.url);
type Factory = (patterns: object, options: { hyphenChar: string; minWordLength: number }) => (text: string) => string;

const SOFT_HYPHEN = '\u00ad';
/** Words kept per language in memory: bounds the memory a very large review takes. */
const REMEMBERED = 100_000;

/** True when patterns for `language` (e.g. "en-gb") are installed. */
export function hasHyphenation(language: string): boolean {
  try {
    require.resolve(`hyphen/patterns/${language}`);
    return true;
  } catch {
    return false;
  }
}

/** Each language's patterns, loaded the first time a word of it is not known. */
const patterns = new Map<string, (text: string) => string>();

function hyphenate(language: string, word: string): string {
  let apply = patterns.get(language);
  if (!apply) {
    apply = (require('hyphen') as Factory)(require(`hyphen/patterns/${language}`) as object, { hyphenChar: SOFT_HYPHEN, minWordLength: 6 });
    patterns.set(language, apply);
  }
  return apply(word);
}

/** The words a build split, per language, and those kept from the last build of the same review. */
interface KeptWords {
  file: string;
  key: string;
  /** Each word with soft hyphens at its hyphenation points. */
  words: Map<string, string>;
  /** The words the current build asked for: the file is written with these alone. */
  used: Set<string>;
  added: number;
}

let folder: string | undefined;
let scope = '';
const stores = new Map<string, KeptWords>();

/**
 * Starts a build that keeps the words it splits in `dir` (the build's cache folder), or with undefined in memory only.
 * `review` tells reviews apart, as for the shaped strings: each keeps the words of its last build.
 */
export function keepHyphenationIn(dir: string | undefined, review = ''): void {
  const next = dir && join(dir, 'hyphenation');
  if (next !== folder || review !== scope) {
    folder = next;
    scope = review;
    stores.clear();
  }
  for (const store of stores.values()) store.used.clear();
}

/** The words kept for `language`, read from its file the first time; undefined without a cache folder. */
function storeOf(language: string): KeptWords | undefined {
  if (folder === undefined) return undefined;
  let store = stores.get(language);
  if (!store) {
    const key = sha256(`hyphen ${packageVersion('hyphen') ?? '?'}\n${language}\n${scope}`);
    store = { file: join(folder, `${key}.json`), key, words: new Map(), used: new Set(), added: 0 };
    const kept = readCacheEntry(store.file, key)?.words;
    for (const entry of Array.isArray(kept) ? (kept as unknown[]) : []) {
      // A word and its hyphenated form, which must spell the word.
      if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' && entry[1].replaceAll(SOFT_HYPHEN, '') === entry[0]) store.words.set(entry[0], entry[1]);
    }
    stores.set(language, store);
  }
  return store;
}

/** Writes each language's file whose words the build changed (a folder that cannot be written costs only time). */
export function saveHyphenation(): void {
  for (const store of stores.values()) {
    if (store.added === 0 && store.used.size === store.words.size) continue;
    for (const word of store.words.keys()) if (!store.used.has(word)) store.words.delete(word);
    keepInCache(store.file, JSON.stringify({ key: store.key, words: [...store.words] }));
    store.added = 0;
  }
}

/** Words split in this process, per language. */
const known = new Map<string, Map<string, string>>();

/** Splits a word into the parts between its permitted hyphenation points: "organisation" → or, gan, isa, tion. */
export function hyphenator(language: string): (word: string) => string[] {
  return (word: string) => {
    const store = storeOf(language);
    let memo = known.get(language);
    if (!memo) known.set(language, (memo = new Map<string, string>()));
    const kept = store?.words.get(word);
    let marked = memo.get(word);
    if (marked === undefined) {
      marked = kept ?? hyphenate(language, word);
      if (memo.size >= REMEMBERED) memo.delete(memo.keys().next().value!);
      memo.set(word, marked);
    }
    if (store) {
      if (kept === undefined && store.words.size < REMEMBERED) {
        store.words.set(word, marked);
        store.added++;
      }
      if (store.words.has(word)) store.used.add(word);
    }
    return marked.split(SOFT_HYPHEN);
  };
}
