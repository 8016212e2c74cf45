// How much room each hedge word leaves, and the gaps that make a finding major or minor: the engine's only knobs.

export interface Tolerances {
  /** "about", "around", "roughly", "some" …: the value lies within ± this fraction. */
  approximate: number;
  /** "nearly", "almost", "close to", "just under" (below) and "just over" (above): the value lies this close. */
  nearly: number;
  /** "over", "more than", "exceeded", "in excess of" …: the value lies above the figure by at most this fraction. */
  over: number;
  /**
   * A quantity printed in words, not digits ("twice", "half", "three times", "a third"): the value lies within ± this
   * fraction of the word's value. Counts of things in words ("seven") are exact.
   */
  word: number;
  /** A relative gap at or above this is a major discrepancy. */
  majorGap: number;
  /** A relative gap at or above this (and below majorGap) is minor; below it, a note. */
  minorGap: number;
}

/**
 * "nearly" is tighter than "over" because writers round a value up to the figure just above it, whereas "over" and
 * "exceeded" usually announce a round milestone passed, which the value may clear by more.
 */
export const DEFAULT_TOLERANCES: Readonly<Tolerances> = {
  approximate: 0.05,
  nearly: 0.05,
  over: 0.1,
  word: 0.05,
  majorGap: 0.1,
  minorGap: 0.02,
};

/** Thrown for options no analysis can honour (a negative tolerance, thresholds out of order). */
export class ToleranceError extends Error {
  override readonly name = 'ToleranceError';
}

export function resolveTolerances(options: Partial<Tolerances> = {}): Tolerances {
  const t = { ...DEFAULT_TOLERANCES, ...options };
  for (const [key, value] of Object.entries(t)) {
    if (!Number.isFinite(value) || value < 0) throw new ToleranceError(`tolerance "${key}" must be a finite number ≥ 0, got ${value}`);
  }
  if (t.nearly >= 1) throw new ToleranceError(`tolerance "nearly" must be below 1, got ${t.nearly}`);
  if (t.minorGap > t.majorGap) throw new ToleranceError(`"minorGap" (${t.minorGap}) must not exceed "majorGap" (${t.majorGap})`);
  return t;
}
