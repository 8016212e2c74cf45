// Claims as the engine sees them: each with its hedge-aware interval, grouped by metric and period.
import { hedgeMeaning, hedgeVocabulary, type HedgeMeaning, type HedgeVocabulary } from '../../dataset/hedges.js';
import type { Claim, Dataset } from '../../dataset/types.js';
import type { InvolvedClaim, Interval } from '../types.js';
import { interval, wholeNumbers } from './interval.js';
import { baseValue, precisionOf } from './precision.js';
import type { Tolerances } from './tolerances.js';
import { UNIT_TRAITS } from './units.js';

const BUILTIN_VOCABULARY = hedgeVocabulary();

export interface EngineClaim extends InvolvedClaim {
  relation: Claim['relation'];
  /** Position of the claim's source in the sources list: ties are broken by it, never by input order. */
  sourceRank: number;
}

/** The values a hedged, rounded figure allows. Throws for a hedge word the vocabulary lacks (the loader rejects those). */
export function hedgeInterval(
  claim: Pick<Claim, 'value' | 'scale' | 'printed' | 'hedge' | 'unit'>,
  t: Tolerances,
  vocabulary: HedgeVocabulary = BUILTIN_VOCABULARY,
): Interval {
  const v = baseValue(claim);
  const traits = UNIT_TRAITS[claim.unit];
  const h = precisionOf(claim, t, traits.whole).halfUnit;
  const meaning = hedgeMeaning(claim.hedge, vocabulary);
  if (meaning === undefined) throw new Error(`unknown hedge "${claim.hedge}"`);
  const floor = traits.nonNegative ? 0 : -Infinity;
  // A hedged count allows at least one whole step: "nearly 3" can be 2, "over 5" can be 6.
  const band = (b: HedgeMeaning['band']) =>
    b === 'unbounded' ? Infinity : Math.max(Math.abs(v) * (typeof b === 'number' ? b : t[b]), h, traits.whole ? 1 : 0);
  let i: Interval;
  if (meaning === null) i = interval(v - h, v + h);
  else if (meaning.side === 'around') i = interval(v - band(meaning.band), v + band(meaning.band));
  else if (meaning.side === 'below') i = interval(Math.max(floor, v - band(meaning.band)), v, false, !meaning.inclusive);
  else i = interval(v, v + band(meaning.band), !meaning.inclusive, false);
  // A count of 349.5 to 350.5 things is 350 things.
  return traits.whole ? wholeNumbers(i) : i;
}

export function engineClaims(ds: Pick<Dataset, 'sources' | 'claims'>, t: Tolerances, vocabulary: HedgeVocabulary): EngineClaim[] {
  const rank = new Map(ds.sources.map((s, i) => [s.id, i]));
  return ds.claims.map((c) => ({
    claim: c.id,
    source: c.source,
    metric: c.metric,
    period: c.period,
    printed: c.printed,
    hedge: c.hedge,
    value: baseValue(c),
    unit: c.unit,
    interval: hedgeInterval(c, t, vocabulary),
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
