// How far each source is borne out: each of its claims counted once, as contradicted, corroborated, unique or uncompared.
// A claim that takes part in any finding is never corroborated, however well its value agrees with another source's:
// contradicted when the finding is a conflict (values or a failed relation), otherwise unique or uncompared (a
// different measure named, a different definition).
import type { SourceStanding } from '../types.js';
import { comparable, groupKey, type EngineClaim } from './claims.js';
import { overlaps } from './interval.js';
import type { Finding } from './rules/types.js';

const CONFLICTS = new Set(['value-conflict', 'derived-relation', 'running-total']);

export function sourceStanding(
  sources: readonly { id: string }[],
  claims: readonly EngineClaim[],
  groups: ReadonlyMap<string, readonly EngineClaim[]>,
  findings: readonly Finding[],
  relationChecks: readonly Finding[],
): SourceStanding[] {
  const inFinding = (list: readonly Finding[]) => new Set(list.flatMap((f) => f.claims.map((c) => c.claim)));
  const contradicted = inFinding(findings.filter((f) => CONFLICTS.has(f.rule)));
  const questioned = inFinding(findings);
  const relationHeld = new Set(relationChecks.filter((f) => f.explanation === '').map((f) => f.claims[0]!.claim));
  const standing = new Map(sources.map((s) => [s.id, { source: s.id, claims: 0, corroborated: 0, contradicted: 0, unique: 0, uncompared: 0 }]));
  for (const c of claims) {
    const s = standing.get(c.source);
    if (!s) continue;
    s.claims += 1;
    if (contradicted.has(c.claim)) s.contradicted += 1;
    else if (c.relation && c.relation.type !== 'increment') s[relationHeld.has(c.claim) && !questioned.has(c.claim) ? 'corroborated' : 'uncompared'] += 1;
    else {
      const others = (groups.get(groupKey(c.metric, c.period)) ?? []).filter((o) => o.source !== c.source);
      if (!others.length) s.unique += 1;
      else if (!questioned.has(c.claim) && others.some((o) => comparable(o, c) && overlaps(o.interval, c.interval))) s.corroborated += 1;
      else s.uncompared += 1;
    }
  }
  return [...standing.values()];
}
