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
