// Interval arithmetic on hedged values: overlap, intersection, span, gaps, and the quotient or difference of two.
import type { Interval } from '../types.js';

/**
 * Rounds to 12 significant digits so that the same quantity reached by different routes (27.62 × 10⁹ and
 * 27620 × 10⁶) is the same number, and bounds that should touch do touch.
 */
export const canonical = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

/** Infinite bounds are always open: no value reaches them. */
export function interval(low: number, high: number, lowOpen = false, highOpen = false): Interval {
  return {
    low: canonical(low),
    high: canonical(high),
    lowOpen: lowOpen || low === -Infinity,
    highOpen: highOpen || high === Infinity,
  };
}

export const isEmpty = (i: Interval): boolean => i.low > i.high || (i.low === i.high && (i.lowOpen || i.highOpen));

export function intersect(a: Interval, b: Interval): Interval {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
  const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
  return interval(low, high, lowOpen, highOpen);
}

/** Touching bounds overlap only when both are closed: then one value satisfies both figures. */
export const overlaps = (a: Interval, b: Interval): boolean => !isEmpty(intersect(a, b));

export const intersectAll = (list: readonly Interval[]): Interval => list.reduce(intersect, interval(-Infinity, Infinity));

/** The smallest interval holding every one given. */
export function span(list: readonly Interval[]): Interval {
  const low = Math.min(...list.map((i) => i.low));
  const high = Math.max(...list.map((i) => i.high));
  return interval(
    low,
    high,
    list.every((i) => i.low !== low || i.lowOpen),
    list.every((i) => i.high !== high || i.highOpen),
  );
}

/** Distance between the closest points of two intervals, relative to the larger of those points; 0 when they overlap. */
export function relativeGap(a: Interval, b: Interval): number {
  if (overlaps(a, b)) return 0;
  const [near, far] = a.high <= b.low ? [a.high, b.low] : [b.high, a.low];
  const scale = Math.max(Math.abs(near), Math.abs(far));
  return scale === 0 ? 0 : canonical((far - near) / scale);
}

/** Every x/y with x in n and y in d. A divisor that may be zero or negative bounds no quotient. */
export function divide(n: Interval, d: Interval): Interval {
  if (d.low <= 0) return interval(-Infinity, Infinity);
  const [lowBy, lowByOpen] = n.low >= 0 ? [d.high, d.highOpen] : [d.low, d.lowOpen];
  const [highBy, highByOpen] = n.high >= 0 ? [d.low, d.lowOpen] : [d.high, d.highOpen];
  return interval(n.low / lowBy, n.high / highBy, n.lowOpen || lowByOpen, n.highOpen || highByOpen);
}

/** Every x − y with x in a and y in b. */
export const subtract = (a: Interval, b: Interval): Interval => interval(a.low - b.high, a.high - b.low, a.lowOpen || b.highOpen, a.highOpen || b.lowOpen);

/** x ↦ x·factor + offset for every x in i (factor > 0). */
export const affine = (i: Interval, factor: number, offset: number): Interval => interval(i.low * factor + offset, i.high * factor + offset, i.lowOpen, i.highOpen);

/** The whole numbers an interval holds, as a closed interval: a count of 349.5 to 350.5 things is 350 things. */
export function wholeNumbers(i: Interval): Interval {
  const low = Number.isInteger(i.low) && i.lowOpen ? i.low + 1 : Math.ceil(i.low);
  const high = Number.isInteger(i.high) && i.highOpen ? i.high - 1 : Math.floor(i.high);
  return interval(low, high);
}
