// What each unit allows: whether it can be negative, whether it counts whole things, and how a figure in it is written.
import type { Unit } from '../../dataset/types.js';

interface UnitTraits {
  /** Quantities that cannot fall below zero: "up to 5" then means 0 to 5. */
  nonNegative: boolean;
  /** Counts of whole things: an interval of them holds only whole numbers. */
  whole: boolean;
  /** Writes an already formatted number in this unit. */
  write: (amount: string) => string;
}

export const UNIT_TRAITS: Readonly<Record<Unit, UnitTraits>> = {
  count: { nonNegative: true, whole: true, write: (a) => a },
  USD: { nonNegative: true, whole: false, write: (a) => `US$${a}` },
  VND: { nonNegative: true, whole: false, write: (a) => `VND${a}` },
  percent: { nonNegative: false, whole: false, write: (a) => `${a}%` },
  times: { nonNegative: true, whole: false, write: (a) => `${a} times` },
  days: { nonNegative: true, whole: false, write: (a) => `${a} days` },
  years: { nonNegative: true, whole: false, write: (a) => `${a} years` },
  magnitude: { nonNegative: false, whole: false, write: (a) => `magnitude ${a}` },
};
