// Hyphenation for justified text: Liang's patterns (the `hyphen` package, the TeX patterns) for a language.
//
// Loading a language's patterns and building their trie costs a start about 50 ms, and a review asks for the same few
// hundred words in each build. With a cache folder (`keepHyphenationIn`), the words a build split are kept there, a
// file per language and review, and a later build splits a kept word as the patterns did without loading them: they
// are loaded the first time a word is not found.
import { createRequire } from 'node:module';
import { packageVersion } from '../input/paths.js';
import { cacheEntryIn, remember, ReviewStore } from '../output/index.js';

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

/** A language's kept words as a file: `{ key, words: [[word, the word with soft hyphens], …] }`. */
function decodeWords(file: Buffer, key: string): [string, string][] | undefined {
  const words = cacheEntryIn(file.toString('utf8'), key)?.words;
  if (!Array.isArray(words)) return undefined;
  // A word and its hyphenated form, which must spell the word.
  return (words as unknown[]).filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && e[1].replaceAll(SOFT_HYPHEN, '') === e[0]);
}

/** The words each build split, per language and review, each with soft hyphens at its points. */
const store = new ReviewStore<string>({
  folder: 'hyphenation',
  extension: 'json',
  limit: REMEMBERED,
  decode: decodeWords,
  encode: (key, words) => JSON.stringify({ key, words: [...words] }),
});

/**
 * Starts a build that keeps the words it splits in `dir` (the build's cache folder), or with undefined in memory only.
 * `review` tells reviews apart, as for the shaped strings: each keeps the words of its last build.
 */
export function keepHyphenationIn(dir: string | undefined, review = ''): void {
  store.use(dir, review);
}

/** Writes each language's file whose words the build changed (a folder that cannot be written costs only time). */
export function saveHyphenation(): void {
  store.save();
}

/** Words split in this process, per language. */
const known = new Map<string, Map<string, string>>();

/** Splits a word into the parts between its permitted hyphenation points: "organisation" → or, gan, isa, tion. */
export function hyphenator(language: string): (word: string) => string[] {
  const identity = `hyphen ${packageVersion('hyphen') ?? '?'}\n${language}`;
  return (word: string) => {
    const kept = store.part(identity);
    let memo = known.get(language);
    if (!memo) known.set(language, (memo = new Map<string, string>()));
    const keptWord = kept?.get(word);
    let marked = memo.get(word);
    if (marked === undefined) {
      marked = keptWord ?? hyphenate(language, word);
      remember(memo, word, marked, REMEMBERED);
    }
    const made = marked;
    if (kept && keptWord === undefined) kept.keep(word, () => made);
    return marked.split(SOFT_HYPHEN);
  };
}
