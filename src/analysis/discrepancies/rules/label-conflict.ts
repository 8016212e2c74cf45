// Rule 6: a source names a figure as a different measure from the one the other sources give for the same amount.
import type { Finding, Rule } from './types.js';
import { labelOf } from './types.js';

export const labelConflict: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const group of ctx.groups.values()) {
    for (const odd of group) {
      const label = labelOf(ctx, odd.metric);
      // A label that only restates the metric's own name ("Trade turnover" for trade turnover) is no conflict.
      if (!odd.label || odd.label.toLowerCase() === label.toLowerCase()) continue;
      const others = group.filter((c) => c.source !== odd.source && c.label !== odd.label);
      if (!others.length) continue;
      findings.push({
        rule: 'label-conflict',
        severity: 'minor',
        metric: odd.metric,
        period: odd.period,
        claims: [odd, ...others],
        explanation: ctx.explain.labelConflict(label, odd.period, odd, others),
      });
    }
  }
  return { findings };
};
