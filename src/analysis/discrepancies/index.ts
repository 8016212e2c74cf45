// The discrepancy engine: claims become hedge-aware intervals, grouped by metric and period (a Map, so the work
// grows as n log n, not n²), then each rule looks for its kind of disagreement. Pure and order-independent.
import { casingOf } from '../../text/casing.js';
import { sourceNumbers } from '../citations.js';
import { hedgeVocabulary } from '../../text/hedges.js';
import { unitsOf } from '../../units/index.js';
import type { Dataset, ReviewMeta } from '../../dataset/types.js';
import type { Discrepancy, DiscrepancyReport, Severity } from '../types.js';
import { byRank, engineClaims, involved, levelGroups } from './claims.js';
import { definitionMismatch } from './rules/definition-mismatch.js';
import { labelConflict } from './rules/label-conflict.js';
import { explainer, type Wording } from './messages.js';
import { checkRelations, relations } from './rules/relations.js';
import type { Finding, Rule, RuleContext } from './rules/types.js';
import { valueConflict } from './rules/value-conflict.js';
import { sourceStanding } from './standing.js';
import { resolveTolerances, type Tolerances } from './tolerances.js';

export { DEFAULT_TOLERANCES, type Tolerances } from './tolerances.js';
export { hedgeInterval } from './claims.js';
export type { Wording } from './messages.js';

const RULES: readonly Rule[] = [valueConflict, relations, definitionMismatch, labelConflict];
const SEVERITY_ORDER: Record<Severity, number> = { major: 0, minor: 1, note: 2 };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function order(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.metric, b.metric) || compare(a.period, b.period) || compare(a.rule, b.rule) || compare(a.explanation, b.explanation);
}

/**
 * The parts of a dataset the engine reads. `meta.hedges` adds hedge words to the built-in vocabulary; the narrative
 * and `meta.language` only inform how printed figures and labels are cased inside the explanations.
 */
export type EngineInput = Pick<Dataset, 'sources' | 'metrics' | 'claims'> & {
  meta?: Partial<Pick<ReviewMeta, 'hedges' | 'language' | 'units'>>;
  narrative?: Dataset['narrative'];
};

/** The findings of a dataset, explained in the wording of a locale (its `explain` texts and digits). */
export function findDiscrepancies(dataset: EngineInput, wording: Wording, options: Partial<Tolerances> = {}): DiscrepancyReport {
  const tolerances = resolveTolerances(options);
  const hedges = hedgeVocabulary(dataset.meta?.hedges);
  const units = unitsOf(dataset);
  const claims = engineClaims(dataset, tolerances, hedges).sort(byRank);
  const groups = levelGroups(claims);
  const number = sourceNumbers(dataset);
  const ctx: RuleContext = {
    claims,
    groups,
    metrics: new Map(dataset.metrics.map((m) => [m.id, m])),
    tolerances,
    units,
    explain: explainer(wording, casingOf(dataset, hedges, dataset.meta?.language ?? 'en'), (source) => `[${number.get(source) ?? '?'}]`, units),
  };
  const results = RULES.map((rule) => rule(ctx));
  const findings = results.flatMap((r) => r.findings).sort(order);
  const discrepancies: Discrepancy[] = findings.map((f, i) => ({
    id: `D${i + 1}`,
    rule: f.rule,
    severity: f.severity,
    metric: f.metric,
    period: f.period,
    claims: [...f.claims].sort(byRank).map(involved),
    ...(f.gap !== undefined && f.gap > 0 ? { gap: f.gap } : {}),
    explanation: f.explanation,
    ...(f.implied ? { implied: f.implied } : {}),
  }));
  const consistent = results.flatMap((r) => r.agreements ?? []).sort((a, b) => compare(a.metric, b.metric) || compare(a.period, b.period));
  return { discrepancies, consistent, sources: sourceStanding(dataset.sources, claims, groups, findings, checkRelations(ctx)) };
}
