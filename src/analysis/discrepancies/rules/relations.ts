// Rules 3, 4 and 7: a stated ratio, growth rate or increment is checked against the level figures it relates,
// from any source; a relation whose levels no source gives is listed as unverifiable, never dropped.

import { groupKey, type EngineClaim } from '../claims.js';
import { affine, divide, intersectAll, isEmpty, overlaps, relativeGap, span, subtract } from '../interval.js';
import { messages, quantity } from '../messages.js';
import type { Interval, Severity } from '../../types.js';
import { labelOf, severityOf, type Finding, type Rule, type RuleContext } from './types.js';

const levels = (ctx: RuleContext, metric: string, period: string) => ctx.groups.get(groupKey(metric, period)) ?? [];
/**
 * What the sources together say of a level: the values every figure allows when they agree (so a loose "at least
 * 200" does not swallow a precise "nearly 350"), or the span of them all when they conflict among themselves.
 */
function levelRange(claims: readonly EngineClaim[]): Interval {
  const common = intersectAll(claims.map((x) => x.interval));
  return isEmpty(common) ? span(claims.map((x) => x.interval)) : common;
}
const printedList = (claims: readonly EngineClaim[]) => [...new Set(claims.map((c) => c.printed))].join(' or ');
/** A stated relation that the figures contradict is an inconsistency in the sources: never a mere note. */
const atLeastMinor = (s: Severity): Severity => (s === 'note' ? 'minor' : s);
const middle = (claims: readonly EngineClaim[]) => claims[0]!.value;

function unverifiable(c: EngineClaim, label: string, base: string, missing: string, total = false): Finding {
  return {
    rule: 'unverifiable-relation',
    severity: 'note',
    metric: c.metric,
    period: c.period,
    claims: [c],
    explanation: total ? messages.unverifiableTotal(label, c, missing) : messages.unverifiable(label, c, base, missing),
  };
}

function checkRatioOrGrowth(ctx: RuleContext, c: EngineClaim, type: 'ratio' | 'growth', base: string): Finding {
  const label = labelOf(ctx, c.metric);
  const now = levels(ctx, c.metric, c.period);
  const then = levels(ctx, c.metric, base);
  const missing = [now.length ? '' : c.period, then.length ? '' : base].filter(Boolean);
  if (missing.length) return unverifiable(c, label, base, missing.join(' or '));
  const ratio = divide(levelRange(now), levelRange(then));
  // Growth in percent: (ratio − 1) × 100.
  const achieved = type === 'ratio' ? ratio : affine(ratio, 100, -100);
  const involvedClaims = [c, ...now, ...then];
  if (overlaps(achieved, c.interval)) return { rule: 'derived-relation', severity: 'note', metric: c.metric, period: c.period, claims: involvedClaims, gap: 0, explanation: '' };
  const gap = relativeGap(achieved, c.interval);
  const unit = now[0]!.unit;
  const pointRatio = middle(now) / middle(then);
  const stated = c.value;
  const impliedBase = type === 'ratio' ? middle(now) / stated : middle(now) / (1 + stated / 100);
  const scopes = new Set([...now, ...then].map((x) => x.scope ?? '')).size > 1;
  const explanation =
    type === 'ratio'
      ? messages.ratio(label, c.period, base, printedList(now), printedList(then), quantity(pointRatio, 'times', 2), c, quantity(impliedBase, unit), scopes)
      : messages.growth(label, c.period, base, printedList(now), printedList(then), `${quantity((pointRatio - 1) * 100, 'percent', 1)}`, c, quantity(impliedBase, unit));
  return { rule: 'derived-relation', severity: atLeastMinor(severityOf(gap, ctx.tolerances)), metric: c.metric, period: c.period, claims: involvedClaims, gap, explanation };
}

function checkIncrement(ctx: RuleContext, c: EngineClaim, total: string, base: string): Finding {
  const label = labelOf(ctx, total);
  const before = levels(ctx, total, base);
  const after = levels(ctx, total, c.period);
  const missing = [before.length ? '' : base, after.length ? '' : c.period].filter(Boolean);
  if (missing.length) return unverifiable(c, label, base, missing.join(' or '), true);
  const added = subtract(levelRange(after), levelRange(before));
  const involvedClaims = [c, ...before, ...after];
  if (overlaps(added, c.interval)) return { rule: 'running-total', severity: 'note', metric: total, period: c.period, claims: involvedClaims, gap: 0, explanation: '' };
  const expected = middle(before) + c.value;
  const gap = relativeGap(levelRange(after), affine(c.interval, 1, middle(before)));
  return {
    rule: 'running-total',
    severity: atLeastMinor(severityOf(gap, ctx.tolerances)),
    metric: total,
    period: c.period,
    claims: involvedClaims,
    gap,
    explanation: messages.runningTotal(label, c.period, base, printedList(before), c, quantity(expected, before[0]!.unit), printedList(after)),
  };
}

/** Checks every relation claim; relations that hold come back with an empty explanation, for source standing only. */
export function checkRelations(ctx: RuleContext): Finding[] {
  return ctx.claims.flatMap((c) => {
    const r = c.relation;
    if (!r) return [];
    return r.type === 'increment' ? [checkIncrement(ctx, c, r.total, r.base)] : [checkRatioOrGrowth(ctx, c, r.type, r.base)];
  });
}

export const relations: Rule = (ctx) => ({ findings: checkRelations(ctx).filter((f) => f.explanation !== '') });
