// Capitals by position in the sentence. A printed figure or a label keeps its capital only where it is not a matter of
// position: "About 2.4 million" was capitalised because it began the source's sentence, so mid-sentence it is "about
// 2.4 million"; "Marennese diaspora" is capitalised because Marennese is a name, wherever it stands. The engine tells
// the two apart from the dataset itself: a first letter is lowered only when the word is one the dataset also prints
// in lower case (or a hedge word), and, for a printed figure, only when the source printed it at a sentence start.
import type { HedgeVocabulary } from './hedges.js';

/** What casing needs of a dataset, for tests that build one by hand. */
export interface CasingInput {
  claims: readonly { printed: string; quote: string; label?: string; scope?: string }[];
  metrics: readonly { label: string; description: string }[];
  narrative?: readonly { body: string }[];
}

/** Words that start with a capital only where they start a sentence, and the language whose case rules apply. */
export interface Casing {
  common: ReadonlySet<string>;
  language: string;
}

/** A word, hyphenated compounds split ("Strategic-level" is lowered when "strategic" is common). */
const WORD = /\p{L}[\p{L}\p{M}'\u2019]*/gu;
/** A capital followed by a lower-case letter: a word in sentence case, not an acronym ("UNESCO", "FDI"). */
const SENTENCE_CASE = /^(\p{Lu})(?=\p{Ll})/u;
/** What ends a sentence before the next one starts: the punctuation, closing quotes and brackets, then space. */
const SENTENCE_END = /(?:^|[.!?\u2026]["'\u201D\u2019)\]]*)\s*$/u;

/** Each dataset's casings, by language and hedge words: the discrepancies and the citations ask for the same one. */
const casings = new WeakMap<CasingInput, Map<string, Casing>>();

export function casingOf(ds: CasingInput, hedges: HedgeVocabulary, language: string): Casing {
  const id = JSON.stringify([language, ...hedges.keys()]);
  let known = casings.get(ds);
  if (!known) casings.set(ds, (known = new Map<string, Casing>()));
  const found = known.get(id);
  if (found) return found;
  const common = new Set<string>();
  for (const key of hedges.keys()) for (const [w] of key.matchAll(WORD)) common.add(w);
  const texts = [...ds.claims.flatMap((c) => [c.quote, c.printed, c.label ?? '', c.scope ?? '']), ...ds.metrics.flatMap((m) => [m.label, m.description]), ...(ds.narrative ?? []).map((s) => s.body)];
  // Each word looked at once: a dataset repeats most of its words.
  const seen = new Set<string>();
  for (const text of texts) {
    for (const [w] of text.matchAll(WORD)) {
      if (seen.has(w)) continue;
      seen.add(w);
      if (w === w.toLocaleLowerCase(language)) common.add(w);
    }
  }
  const casing = { common, language };
  known.set(id, casing);
  return casing;
}

/** True when text just before a place ends a sentence (or is empty): what is put there starts a sentence. */
export const startsSentence = (before: string): boolean => SENTENCE_END.test(before);

/** The text with its first letter lowered, when that capital is only there because the text began a sentence. */
function lowerInitial(text: string, casing: Casing): string {
  if (!SENTENCE_CASE.test(text)) return text;
  const first = /^\p{L}[\p{L}\p{M}'\u2019]*/u.exec(text)?.[0] ?? '';
  const lowered = first.toLocaleLowerCase(casing.language);
  return casing.common.has(lowered) ? lowered + text.slice(first.length) : text;
}

/** The text with a capital first letter: at the start of a sentence. */
export const capitalise = (text: string, casing: Pick<Casing, 'language'>): string => text.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase(casing.language));

/** A label written as a heading ("Disbursed FDI"), as it reads inside a sentence ("disbursed FDI"). */
export const labelInSentence = (label: string, casing: Casing): string => lowerInitial(label, casing);

/**
 * A claim's printed figure as it reads inside a sentence: lowered only when the source printed it at the start of a
 * sentence of its quote ("Nearly 2.2 million Vietnamese…" → "nearly 2.2 million").
 */
export function figureInSentence(claim: { printed: string; quote: string }, casing: Casing): string {
  const at = claim.quote.indexOf(claim.printed);
  return at >= 0 && startsSentence(claim.quote.slice(0, at)) ? lowerInitial(claim.printed, casing) : claim.printed;
}
