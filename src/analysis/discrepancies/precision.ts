// How precisely a figure was printed: "US$27.62 billion" is known to ±0.005 billion, "930" to ±0.5, "seven" things
// to ±0.5 (so exactly seven), "twice" to ±5 % (the tolerance `word`).
import { SCALES, type Claim, type Scale } from '../../dataset/types.js';
import { canonical } from './interval.js';
import type { Tolerances } from './tolerances.js';

/** The way a figure is written back: in the scale and to the decimals the source printed it with. */
export interface Display {
  scale: Scale;
  decimals: number;
}

export interface Precision {
  /** Half a unit of the last printed digit, in base units. */
  halfUnit: number;
  display: Display;
}

/** Numbers as printed in English text: "930", "27.62", "1,300". */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

const SCALE_ENTRIES = Object.entries(SCALES) as [Scale, number][];

const decimalsOf = (digits: string): number => digits.split('.')[1]?.length ?? 0;

export const baseValue = (claim: Pick<Claim, 'value' | 'scale'>): number => canonical(claim.value * SCALES[claim.scale]);

/**
 * Reads the precision from the printed number that, at some scale, equals the claim's value, so "US$27.62 billion"
 * stored as 27620 million keeps its precision. A figure printed in words ("twice", "a third", "three times",
 * "seven") has no digits to read: a count of whole things in words is exact (±0.5 of a thing), any other quantity in
 * words is known to within the tolerance `word` of its value, the rounding a writer applies when putting a figure
 * into a word.
 */
export function precisionOf(claim: Pick<Claim, 'value' | 'scale' | 'printed'>, t: Pick<Tolerances, 'word'>, whole: boolean): Precision {
  const magnitude = Math.abs(baseValue(claim));
  for (const [token] of claim.printed.matchAll(NUMBER)) {
    const digits = token.replace(/,/g, '');
    const match = SCALE_ENTRIES.find(([, factor]) => canonical(Number(digits) * factor) === magnitude);
    if (match) return precision(decimalsOf(digits), match[0]);
  }
  const display = { scale: claim.scale, decimals: decimalsOf(String(Math.abs(claim.value))) };
  return whole ? precision(display.decimals, claim.scale) : { halfUnit: canonical(magnitude * t.word), display };
}

const precision = (decimals: number, scale: Scale): Precision => ({
  halfUnit: canonical(0.5 * 10 ** -decimals * SCALES[scale]),
  display: { scale, decimals },
});

/** A sign printed right before a number ("−5.2", "+3"), not a hyphen inside a range or a date ("10-12", "2024-25"). */
function printedSign(text: string, index: number): -1 | 1 | 0 {
  const sign = text[index - 1];
  if (sign === '+') return 1;
  if (sign !== '-' && sign !== '\u2212') return 0;
  return /[\p{L}\p{N}]/u.test(text[index - 2] ?? '') ? 0 : -1;
}

/**
 * Whether the claim's value is what its printed figure says: some number of the printed text, at some scale, is
 * the value's magnitude within half a unit of its last printed digit, and no sign printed before it contradicts the
 * value's sign. A figure written in words (no digits) is not judged.
 */
export function agreesWithPrinted(claim: Pick<Claim, 'value' | 'scale' | 'printed'>): boolean {
  const magnitude = Math.abs(baseValue(claim));
  let judged = false;
  for (const m of claim.printed.matchAll(NUMBER)) {
    judged = true;
    const sign = printedSign(claim.printed, m.index);
    if ((sign > 0 && claim.value < 0) || (sign < 0 && claim.value > 0)) continue;
    const digits = m[0].replace(/,/g, '');
    const half = 0.5 * 10 ** -decimalsOf(digits);
    if (SCALE_ENTRIES.some(([, factor]) => Math.abs(Number(digits) * factor - magnitude) <= half * factor * (1 + 1e-9))) return true;
  }
  return !judged;
}
