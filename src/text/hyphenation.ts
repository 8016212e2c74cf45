// Hyphenation for justified text: Liang's patterns (the `hyphen` package, the TeX patterns) for a language.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Factory = (patterns: object, options: { hyphenChar: string; minWordLength: number }) => (text: string) => string;

const SOFT_HYPHEN = '\u00ad';
const cache = new Map<string, (word: string) => string[]>();

/** True when patterns for `language` (e.g. "en-gb") are installed. */
export function hasHyphenation(language: string): boolean {
  try {
    require.resolve(`hyphen/patterns/${language}`);
    return true;
  } catch {
    return false;
  }
}

/** Splits a word into the parts between its permitted hyphenation points: "organisation" → or, gan, isa, tion. */
export function hyphenator(language: string): (word: string) => string[] {
  let split = cache.get(language);
  if (!split) {
    const hyphenate = (require('hyphen') as Factory)(require(`hyphen/patterns/${language}`) as object, { hyphenChar: SOFT_HYPHEN, minWordLength: 6 });
    split = (word: string) => hyphenate(word).split(SOFT_HYPHEN);
    cache.set(language, split);
  }
  return split;
}
