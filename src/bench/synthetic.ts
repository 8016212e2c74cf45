// A large synthetic dataset for timing the discrepancy engine: deterministic, with a realistic mix of hedges,
// scales, scopes, labels and relations.
import type { Claim, Dataset, Hedge } from '../dataset/types.js';

/** A small deterministic generator (mulberry32), so every run times the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEDGES: Hedge[] = ['none', 'none', 'none', 'nearly', 'over', 'about', 'exceeded', 'more than'];

export function syntheticDataset(claimCount: number, seed = 1): Pick<Dataset, 'sources' | 'metrics' | 'claims'> {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sources = Array.from({ length: 50 }, (_, i) => ({
    id: `source-${i}`,
    publisher: `Publisher ${i}`,
    title: `Article ${i}`,
    dateStatus: 'printed' as const,
    date: '2026-01-01',
    language: 'en',
    kind: 'news' as const,
    file: `${i}.txt`,
  }));
  const metricCount = Math.max(1, Math.floor(claimCount / 20));
  const metrics = Array.from({ length: metricCount }, (_, i) => ({ id: `metric-${i}`, label: `Metric ${i}`, unit: 'count' as const, description: 'synthetic' }));
  const claims: Claim[] = Array.from({ length: claimCount }, (_, i) => {
    const metric = `metric-${Math.floor(rand() * metricCount)}`;
    const period = String(2020 + Math.floor(rand() * 6));
    const base = 100 + (Number(metric.slice(7)) % 900);
    const value = Math.round(base * (0.9 + rand() * 0.2));
    const hedge = pick(HEDGES);
    const common = { id: `claim-${i}`, source: pick(sources).id, metric, period, scale: 'one' as const, hedge, quote: `q ${value}` };
    if (rand() < 0.05) return { ...common, value: 1.5, unit: 'times' as const, printed: '1.5', quote: 'q 1.5', relation: { type: 'ratio' as const, base: String(Number(period) - 1) } };
    return { ...common, value, unit: 'count' as const, printed: String(value), ...(rand() < 0.05 ? { scope: pick(['narrow', 'broad']) } : {}), ...(rand() < 0.02 ? { label: 'other name' } : {}) };
  });
  return { sources, metrics, claims };
}
