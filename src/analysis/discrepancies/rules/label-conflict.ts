// Rule 6: a source names a figure as a different measure from the one the other sources give for the same amount.
import { messages } from '../messages.js';
import type { Finding, Rule } from './types.js';
import { labelOf } from './types.js';

export const labelConflict: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const group of ctx.groups.values()) {
    for (const odd of group.filter((c) => c.label)) {
      const others = group.filter((c) => c.source !== odd.source && c.label !== odd.label);
      if (!others.length) continue;
      const label = labelOf(ctx, odd.metric);
      findings.push({
        rule: 'label-conflict',
        severity: 'minor',
        metric: odd.metric,
        period: odd.period,
        claims: [odd, ...others],
        explanation: messages.labelConflict(label, odd.period, odd, others, ctx.name),
      });
    }
  }
  return { findings };
};
