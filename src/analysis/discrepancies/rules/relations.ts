// Rules 3, 4 and 7, and rule 5 for relations: a stated ratio, growth rate or increment is checked against the level
// figures it relates, from any source. The same statement repeated by several sources is one finding; a relation
// whose levels are defined differently is a definition mismatch, not a conflict; one whose levels no source gives
// is listed as unverifiable, never dropped.

import { groupKey, type EngineClaim } from '../claims.js';
import { affine, divide, interval, intersectAll, isEmpty, overlaps, relativeGap, span, subtract } from '../interval.js';
import type { Interval, RuleId, Severity } from '../../types.js';
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
/** A stated relation that the figures contradict is an inconsistency in the sources: never a mere note. */
const atLeastMinor = (s: Severity): Severity => (s === 'note' ? 'minor' : s);
/**
 * The level the sources print, as a value the levels allow: the first-cited figure, brought inside the range they
 * allow together ("nearly 350" of whole things allows 333 to 349, so it counts as 349, never as the 350 it excludes).
 */
const middle = (claims: readonly EngineClaim[]) => {
  const range = levelRange(claims);
  return Math.min(Math.max(claims[0]!.value, range.low), range.high);
};
/** Levels described with different scopes (by each other or by the relation) cannot be related at face value. */
const scopesDiffer = (claims: readonly EngineClaim[]) => new Set(claims.flatMap((c) => (c.scope ? [c.scope] : []))).size > 1;

/** One relation kind: which levels it relates, and what they imply in the relation's own terms. */
interface RelationSpec {
  rule: Extract<RuleId, 'derived-relation' | 'running-total'>;
  /** The metric whose levels are related: the claim's own, or the running total's. */
  levelMetric: (c: EngineClaim) => string;
  /** The relation's value implied by the level ranges at the period and at the base. */
  implied: (now: Interval, then: Interval) => Interval;
  explain: (ctx: RuleContext, stated: readonly EngineClaim[], now: readonly EngineClaim[], then: readonly EngineClaim[], scopes: boolean) => string;
  /** The finding's gap: between what the levels imply and what the stated claims allow, in comparable terms. */
  gap: (stated: readonly EngineClaim[], now: readonly EngineClaim[], then: readonly EngineClaim[]) => number;
}

const hull = (claims: readonly EngineClaim[]) => span(claims.map((c) => c.interval));

function explainRatioOrGrowth(type: 'ratio' | 'growth') {
  return (ctx: RuleContext, stated: readonly EngineClaim[], now: readonly EngineClaim[], then: readonly EngineClaim[], scopes: boolean) => {
    const c = stated[0]!;
    const base = c.relation!.base;
    const label = labelOf(ctx, c.metric);
    const pointRatio = middle(now) / middle(then);
    const statedValue = c.value;
    const impliedBase = type === 'ratio' ? middle(now) / statedValue : middle(now) / (1 + statedValue / 100);
    const unit = now[0]!.unit;
    const { explain: e } = ctx;
    return type === 'ratio'
      ? e.ratio(label, c.period, base, e.printedList(now), e.printedList(then), e.ratioFigure(pointRatio), e.printedList(stated), e.quantity(impliedBase, unit), scopes)
      : e.growth(label, c.period, base, e.printedList(now), e.printedList(then), e.quantity((pointRatio - 1) * 100, 'percent', 1), e.printedList(stated), e.quantity(impliedBase, unit), scopes);
  };
}

const ratioSpec = (type: 'ratio' | 'growth'): RelationSpec => {
  // Growth in percent: (ratio − 1) × 100.
  const implied = (now: Interval, then: Interval) => (type === 'ratio' ? divide(now, then) : affine(divide(now, then), 100, -100));
  return {
    rule: 'derived-relation',
    levelMetric: (c) => c.metric,
    implied,
    explain: explainRatioOrGrowth(type),
    gap: (stated, now, then) => relativeGap(implied(levelRange(now), levelRange(then)), hull(stated)),
  };
};

const RELATIONS: Readonly<Record<NonNullable<EngineClaim['relation']>['type'], RelationSpec>> = {
  ratio: ratioSpec('ratio'),
  growth: ratioSpec('growth'),
  increment: {
    rule: 'running-total',
    levelMetric: (c) => (c.relation?.type === 'increment' ? c.relation.total : c.metric),
    implied: (now, then) => subtract(now, then),
    explain: (ctx, stated, now, then, scopes) => {
      const c = stated[0]!;
      const total = RELATIONS.increment.levelMetric(c);
      const expected = middle(then) + c.value;
      const { explain: e } = ctx;
      return e.runningTotal(labelOf(ctx, total), c.period, c.relation!.base, e.printedList(then), e.printedList(stated), e.quantity(expected, then[0]!.unit), e.printedList(now), scopes);
    },
    // Measured on the totals, where the reader sees the sum fail.
    gap: (stated, now, then) => relativeGap(levelRange(now), affine(hull(stated), 1, middle(then))),
  },
};

/** Checks one bundle: relation claims stating the same kind of relation for one metric, period and base. */
function checkBundle(ctx: RuleContext, bundle: readonly EngineClaim[]): Finding[] {
  const c = bundle[0]!;
  const relation = c.relation!;
  const spec = RELATIONS[relation.type];
  const metric = spec.levelMetric(c);
  const label = labelOf(ctx, metric);
  const now = levels(ctx, metric, c.period);
  const then = levels(ctx, metric, relation.base);
  const finding = (rule: RuleId, severity: Severity, claims: readonly EngineClaim[], explanation: string, gap?: number): Finding => ({
    rule,
    severity,
    metric: relation.type === 'increment' ? metric : c.metric,
    period: c.period,
    claims,
    ...(gap !== undefined ? { gap } : {}),
    explanation,
  });
  const absent = [now.length ? '' : c.period, then.length ? '' : relation.base].filter(Boolean);
  if (absent.length) {
    const { explain: e } = ctx;
    const [stated, missing] = [e.printedList(bundle), e.periods(absent)];
    const explanation = relation.type === 'increment' ? e.unverifiableTotal(label, stated, c.period, missing) : e.unverifiable(label, stated, c.period, relation.base, missing);
    return [finding('unverifiable-relation', 'note', bundle, explanation)];
  }
  const implied = spec.implied(levelRange(now), levelRange(then));
  const failed = bundle.filter((s) => !overlaps(implied, s.interval));
  if (scopesDiffer([c, ...now, ...then])) {
    const explanation = ctx.explain.relationScopes(spec.explain(ctx, bundle, now, then, true));
    return [finding('definition-mismatch', failed.length ? 'minor' : 'note', [...bundle, ...now, ...then], explanation)];
  }
  // Relations that hold come back with an empty explanation, for source standing only.
  const held = bundle.filter((s) => !failed.includes(s)).map((s) => finding(spec.rule, 'note', [s, ...now, ...then], ''));
  if (!failed.length) return held;
  const gap = spec.gap(failed, now, then);
  const printedPoint = (claims: readonly EngineClaim[]) => interval(middle(claims), middle(claims));
  const conflict = finding(spec.rule, atLeastMinor(severityOf(gap, ctx.tolerances)), [...failed, ...now, ...then], spec.explain(ctx, failed, now, then, false), gap);
  const impliedValue = spec.implied(printedPoint(now), printedPoint(then)).low;
  return [...held, { ...conflict, implied: { value: impliedValue, unit: c.unit, interval: implied } }];
}

/** Checks every relation claim, bundled by what they state; held relations come back with an empty explanation. */
export function checkRelations(ctx: RuleContext): Finding[] {
  const bundles = new Map<string, EngineClaim[]>();
  for (const c of ctx.claims) {
    if (!c.relation) continue;
    const key = [c.metric, c.period, c.relation.type, c.relation.base, c.relation.type === 'increment' ? c.relation.total : ''].join('\u0000');
    bundles.set(key, [...(bundles.get(key) ?? []), c]);
  }
  return [...bundles.values()].flatMap((bundle) => checkBundle(ctx, bundle));
}

export const relations: Rule = (ctx) => ({ findings: checkRelations(ctx).filter((f) => f.explanation !== '') });
