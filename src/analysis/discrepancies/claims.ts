// Claims as the engine sees them: each with its hedge-aware interval, grouped by metric and period.
import { hedgeMeaning, hedgeVocabulary, type HedgeMeaning, type HedgeVocabulary } from '../../text/hedges.js';
import type { Claim, Dataset, ReviewMeta } from '../../dataset/types.js';
import type { InvolvedClaim, Interval } from '../types.js';
import { canonical, interval, wholeNumbers } from './interval.js';
import { baseValue, precisionOf } from './precision.js';
import type { Tolerances } from './tolerances.js';
import { unitsOf, type Units } from '../../units/index.js';

const BUILTIN_VOCABULARY = hedgeVocabulary();

export interface EngineClaim extends InvolvedClaim {
  relation: Claim['relation'];
  /** Position of the claim's source in the sources list: ties are broken by it, never by input order. */
  sourceRank: number;
}

/** The values a hedged, rounded figure allows, in the claim's own unit. Throws for a hedge word the vocabulary lacks (the loader rejects those). */
export function hedgeInterval(claim: Pick<Claim, 'value' | 'scale' | 'printed' | 'hedge' | 'unit'>, t: Tolerances, units: Units, vocabulary: HedgeVocabulary = BUILTIN_VOCABULARY): Interval {
  const v = baseValue(claim);
  const traits = units.get(claim.unit);
  const h = precisionOf(claim, t, traits.whole).halfUnit;
  const meaning = hedgeMeaning(claim.hedge, vocabulary);
  if (meaning === undefined) throw new Error(`unknown hedge "${claim.hedge}"`);
  const floor = traits.nonNegative ? 0 : -Infinity;
  // A hedged count allows at least one whole step: "nearly 3" can be 2, "over 5" can be 6.
  const band = (b: HedgeMeaning['band']) => (b === 'unbounded' ? Infinity : Math.max(Math.abs(v) * (typeof b === 'number' ? b : t[b]), h, traits.whole ? 1 : 0));
  let i: Interval;
  if (meaning === null) i = interval(v - h, v + h);
  else if (meaning.side === 'around') i = interval(v - band(meaning.band), v + band(meaning.band));
  else if (meaning.side === 'below') i = interval(Math.max(floor, v - band(meaning.band)), v, false, !meaning.inclusive);
  else i = interval(v, v + band(meaning.band), !meaning.inclusive, false);
  // A count of 349.5 to 350.5 things is 350 things.
  return traits.whole ? wholeNumbers(i) : i;
}

/**
 * A claim's value and the interval its hedge allows, in the unit it is compared in: its metric's for a level figure
 * (kg and tonnes of one metric compare in the metric's tonnes), its own for a ratio or growth rate.
 */
export function comparedValue(
  c: Claim,
  metricUnit: string | undefined,
  units: Units,
  t: Tolerances,
  vocabulary: HedgeVocabulary = BUILTIN_VOCABULARY,
): { value: number; unit: string; interval: Interval } {
  const unit = c.relation && c.relation.type !== 'increment' ? c.unit : (metricUnit ?? c.unit);
  const own = hedgeInterval(c, t, units, vocabulary);
  if (unit === c.unit) return { value: baseValue(c), unit, interval: own };
  const inUnit = (value: number) => canonical(units.convert(value, c.unit, unit));
  return { value: inUnit(baseValue(c)), unit, interval: { ...own, low: inUnit(own.low), high: inUnit(own.high) } };
}

/** The dataset's claims for the engine, each compared in its metric's unit. */
export function engineClaims(
  ds: Pick<Dataset, 'sources' | 'claims' | 'metrics'> & { meta?: Partial<Pick<ReviewMeta, 'units' | 'language'>> },
  t: Tolerances,
  vocabulary: HedgeVocabulary,
): EngineClaim[] {
  const rank = new Map(ds.sources.map((s, i) => [s.id, i]));
  const units = unitsOf(ds);
  const metricUnit = new Map(ds.metrics.map((m) => [m.id, m.unit]));
  return ds.claims.map((c) => ({
    claim: c.id,
    source: c.source,
    metric: c.metric,
    period: c.period,
    printed: c.printed,
    hedge: c.hedge,
    ...comparedValue(c, metricUnit.get(c.metric), units, t, vocabulary),
    quote: c.quote,
    ...(c.scope ? { scope: c.scope } : {}),
    ...(c.label ? { label: c.label } : {}),
    relation: c.relation,
    sourceRank: rank.get(c.source) ?? Number.MAX_SAFE_INTEGER,
  }));
}

/** Source order, then claim id: the one order every list of claims is kept in, whatever the input order. */
export const byRank = (a: EngineClaim, b: EngineClaim) => a.sourceRank - b.sourceRank || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0);

export const groupKey = (metric: string, period: string) => `${metric}\u0000${period}`;

/** Level claims (figures, not ratios or growth rates) by metric and period, each group in source order. */
export function levelGroups(claims: readonly EngineClaim[]): Map<string, EngineClaim[]> {
  const groups = new Map<string, EngineClaim[]>();
  for (const c of claims) {
    if (c.relation && c.relation.type !== 'increment') continue;
    const key = groupKey(c.metric, c.period);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const list of groups.values()) list.sort(byRank);
  return groups;
}

/** Two claims measure the same thing unless both state a scope and the scopes differ. */
export const comparable = (a: EngineClaim, b: EngineClaim) => !(a.scope && b.scope && a.scope !== b.scope);

/** Strips the engine's bookkeeping: what the report shows of a claim. */
export function involved(c: EngineClaim): InvolvedClaim {
  const { relation: _relation, sourceRank: _rank, ...rest } = c;
  return rest;
}
