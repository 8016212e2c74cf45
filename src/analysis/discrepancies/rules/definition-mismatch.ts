// Rule 5: the same metric and period described with different scopes by different sources.
import { overlaps } from '../interval.js';
import type { Finding, Rule } from './types.js';
import { labelOf } from './types.js';

export const definitionMismatch: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const group of ctx.groups.values()) {
    const scoped = group.filter((c) => c.scope);
    const scopes = new Set(scoped.map((c) => c.scope));
    if (scopes.size < 2 || new Set(scoped.map((c) => c.source)).size < 2) continue;
    const { metric, period } = scoped[0]!;
    const sameFigure = scoped.every((c) => overlaps(c.interval, scoped[0]!.interval));
    findings.push({
      rule: 'definition-mismatch',
      severity: sameFigure ? 'note' : 'minor',
      metric,
      period,
      claims: scoped,
      explanation: ctx.explain.definitionMismatch(labelOf(ctx, metric), period, scoped, sameFigure),
    });
  }
  return { findings };
};
