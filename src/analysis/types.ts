// Types the analysis stage hands on: discrepancies between sources and how far each source is corroborated.
// The JSON export (`annual-review discrepancies --format json`) is exactly DiscrepancyReport: keep it stable.

/** A set of real numbers in base units (scale applied: "US$27.62 billion" → 27.62e9). */
export interface Interval {
  low: number;
  high: number;
  /** True when the bound itself is excluded ("over 930" excludes 930). */
  lowOpen: boolean;
  highOpen: boolean;
}

export const RULES = ['value-conflict', 'derived-relation', 'running-total', 'definition-mismatch', 'label-conflict', 'unverifiable-relation'] as const;
export type RuleId = (typeof RULES)[number];

export type Severity = 'major' | 'minor' | 'note';

/** One claim as it takes part in a finding. */
export interface InvolvedClaim {
  claim: string;
  source: string;
  metric: string;
  period: string;
  /** The figure exactly as printed, e.g. "nearly 350". */
  printed: string;
  hedge: string;
  /** Value in base units. */
  value: number;
  unit: string;
  interval: Interval;
  quote: string;
  scope?: string;
  label?: string;
}

export interface Discrepancy {
  /** "D1", "D2", ... in the order of the table (severity, then metric, then period, then rule). */
  id: string;
  rule: RuleId;
  severity: Severity;
  metric: string;
  period: string;
  claims: InvolvedClaim[];
  /** Relative gap between the closest values of the conflicting intervals (0.25 = 25 %), when numeric. */
  gap?: number;
  /** One sentence a reader can trust, generated from the rule and the numbers. */
  explanation: string;
  /**
   * For a stated relation the figures contradict (derived-relation, running-total): the relation as the level
   * figures imply it, in the relation's own unit (times, percent, or the count added), against which the stated
   * claims were checked. `value` comes from the levels as printed, `interval` from the ranges their hedges allow.
   */
  implied?: { value: number; unit: string; interval: Interval };
}

/** Values that differ as printed but agree within their hedges. */
export interface Agreement {
  metric: string;
  period: string;
  claims: InvolvedClaim[];
  /** The range every claim allows (intersection of the intervals). */
  common: Interval;
  explanation: string;
}

/**
 * How far one source's claims are borne out by the others. Each claim counts once, in the first that applies:
 * contradicted (part of a value conflict or a failed relation), corroborated (another source agrees within the
 * hedges), unique (no other source gives that metric and period), uncompared (others give it, but not comparably:
 * a different scope, or a relation with no level to check it against). `claims` is the sum of the four.
 */
export interface SourceStanding {
  source: string;
  claims: number;
  corroborated: number;
  contradicted: number;
  unique: number;
  uncompared: number;
}

export interface DiscrepancyReport {
  discrepancies: Discrepancy[];
  consistent: Agreement[];
  sources: SourceStanding[];
}
