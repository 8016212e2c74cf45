// The hedge vocabulary: the words a source prints before a figure, each with the range of values it allows. The
// built-in words are below; a dataset adds its own in review.yaml `hedges:`. Words are matched case-insensitively,
// so a claim records the word exactly as its source prints it ("Nearly", "nearly").

/**
 * What a hedge says of the value behind a figure v:
 * - `around`: within v ± band (the figure itself included);
 * - `below`: under v by at most band (`inclusive` admits v itself);
 * - `above`: over v by at most band (`inclusive` admits v itself).
 */
export interface HedgeMeaning {
  side: 'around' | 'below' | 'above';
  /**
   * How far from the figure: a fraction of it (0.05 = 5 %), the name of one of the engine's tolerances
   * (`approximate`, `nearly`, `over`: the same room as "about", "nearly" or "over"), or `unbounded`.
   */
  band: number | HedgeBandName | 'unbounded';
  /** Whether the figure itself is allowed on a one-sided hedge ("at least 5" allows 5, "over 5" does not). */
  inclusive?: boolean;
}

/** The engine's tolerances a hedge may name as its band. */
export const HEDGE_BAND_NAMES = ['approximate', 'nearly', 'over'] as const;
export type HedgeBandName = (typeof HEDGE_BAND_NAMES)[number];

/** A hedge a dataset declares in review.yaml. */
export interface HedgeDeclaration {
  word: string;
  meaning: HedgeMeaning;
}

/** The word a claim records when its figure is unhedged. */
export const NO_HEDGE = 'none';

const around: HedgeMeaning = { side: 'around', band: 'approximate' };
const close: HedgeMeaning = { side: 'below', band: 'nearly' };
const over: HedgeMeaning = { side: 'above', band: 'over' };
const justOver: HedgeMeaning = { side: 'above', band: 'nearly' };
const beyond: HedgeMeaning = { side: 'above', band: 'unbounded' };
const atLeast: HedgeMeaning = { side: 'above', band: 'unbounded', inclusive: true };
const atMost: HedgeMeaning = { side: 'below', band: 'unbounded', inclusive: true };
const under: HedgeMeaning = { side: 'below', band: 'unbounded' };

/** The built-in vocabulary, in the order docs/discrepancies.md lists it. Keys are lower case, single-spaced. */
export const BUILTIN_HEDGES: Readonly<Record<string, HedgeMeaning>> = {
  about: around,
  around,
  approximately: around,
  roughly: around,
  some: around,
  circa: around,
  'an estimated': around,
  nearly: close,
  almost: close,
  'close to': close,
  'just under': close,
  'not quite': close,
  over,
  'more than': over,
  exceeded: over,
  exceeding: over,
  'in excess of': over,
  'upwards of': over,
  above: over,
  'just over': justOver,
  'well over': beyond,
  'well above': beyond,
  'at least': atLeast,
  'no fewer than': atLeast,
  'no less than': atLeast,
  'at most': atMost,
  'up to': atMost,
  'no more than': atMost,
  under,
  'less than': under,
  'fewer than': under,
  below: under,
};

/** "Nearly", " close  to " → "nearly", "close to": the form words are looked up by. */
export const hedgeKey = (word: string): string => word.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every hedge word a dataset may use: the built-in ones and those it declares, by hedgeKey. */
export type HedgeVocabulary = ReadonlyMap<string, HedgeMeaning>;

export function hedgeVocabulary(declared: readonly HedgeDeclaration[] = []): HedgeVocabulary {
  return new Map([...Object.entries(BUILTIN_HEDGES), ...declared.map((d) => [hedgeKey(d.word), d.meaning] as const)]);
}

/** The meaning of a claim's hedge; null for an unhedged figure, undefined for a word the vocabulary lacks. */
export function hedgeMeaning(word: string, vocabulary: HedgeVocabulary): HedgeMeaning | null | undefined {
  const key = hedgeKey(word);
  return key === NO_HEDGE ? null : vocabulary.get(key);
}
