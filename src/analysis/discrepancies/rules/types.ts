// What every rule receives and returns.
import type { Metric } from '../../../dataset/types.js';
import type { Agreement, Discrepancy, RuleId, Severity } from '../../types.js';
import type { EngineClaim } from '../claims.js';
import type { Explainer } from '../messages.js';
import type { Tolerances } from '../tolerances.js';
import type { Units } from '../../../units/index.js';

export interface RuleContext {
  claims: readonly EngineClaim[];
  /** Level claims by metric and period (claims.ts groupKey). */
  groups: ReadonlyMap<string, readonly EngineClaim[]>;
  metrics: ReadonlyMap<string, Metric>;
  tolerances: Tolerances;
  /** The dataset's units: how figures compare and computed figures are written. */
  units: Units;
  /** The explanations' sentences, in the build's locale, naming sources as "[2]". */
  explain: Explainer;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  metric: string;
  period: string;
  claims: readonly EngineClaim[];
  gap?: number;
  explanation: string;
  implied?: Discrepancy['implied'];
}

export interface RuleResult {
  findings: Finding[];
  agreements?: Agreement[];
}

export type Rule = (ctx: RuleContext) => RuleResult;

export const labelOf = (ctx: RuleContext, metric: string) => ctx.metrics.get(metric)?.label ?? metric;

/** Major, minor or note by the size of the gap. */
export function severityOf(gap: number, t: Tolerances): Severity {
  return gap >= t.majorGap ? 'major' : gap >= t.minorGap ? 'minor' : 'note';
}
