// Rules 1 and 2: figures for the same metric, period and scope from different sources either conflict (their
// intervals do not overlap) or agree within their hedges (reported as consistent, never as a conflict).
import { hedgeKey } from '../../../text/hedges.js';
import type { Agreement } from '../../types.js';
import { comparable, involved, type EngineClaim } from '../claims.js';
import { intersectAll, isEmpty, overlaps, relativeGap } from '../interval.js';
import { labelOf, severityOf, type Finding, type Rule } from './types.js';

/** Claims of a group that can be compared with each other: those sharing a scope, or giving none. */
function comparableSets(group: readonly EngineClaim[]): EngineClaim[][] {
  const scopes = [...new Set(group.map((c) => c.scope ?? ''))];
  const named = scopes.filter(Boolean);
  if (named.length <= 1) return [[...group]];
  return named.map((scope) => group.filter((c) => comparable(c, { ...c, scope })));
}

export const valueConflict: Rule = (ctx) => {
  const findings: Finding[] = [];
  const agreements: Agreement[] = [];
  for (const group of ctx.groups.values()) {
    for (const set of comparableSets(group)) {
      if (new Set(set.map((c) => c.source)).size < 2) continue;
      const { metric, period } = set[0]!;
      const label = labelOf(ctx, metric);
      let gap = 0;
      for (const a of set) for (const b of set) if (a.source !== b.source && !overlaps(a.interval, b.interval)) gap = Math.max(gap, relativeGap(a.interval, b.interval));
      if (gap > 0) {
        findings.push({ rule: 'value-conflict', severity: severityOf(gap, ctx.tolerances), metric, period, claims: set, gap, explanation: ctx.explain.valueConflict(label, period, set, gap) });
        continue;
      }
      const common = intersectAll(set.map((c) => c.interval));
      const printedDiffer = new Set(set.map((c) => `${hedgeKey(c.hedge)} ${c.value}`)).size > 1;
      if (printedDiffer && !isEmpty(common)) {
        agreements.push({ metric, period, claims: set.map(involved), common, explanation: ctx.explain.agreement(label, period, set) });
      }
    }
  }
  return { findings, agreements };
};
