// Named datasets for the charts, derived from the claims so that a chart never holds a hand-copied figure.
import { SCALES, type Claim, type Dataset } from '../dataset/types.js';
import type { ChartRow } from '../review.js';

/** The claim a headline chart shows for a metric and year: an unhedged figure if any, else the first-cited source's. */
function representative(claims: readonly Claim[], sourceOrder: ReadonlyMap<string, number>): Claim | undefined {
  const rank = (c: Claim) => [c.hedge === 'none' ? 0 : 1, sourceOrder.get(c.source) ?? Infinity, c.id] as const;
  return [...claims].sort((a, b) => {
    const [ha, sa, ia] = rank(a);
    const [hb, sb, ib] = rank(b);
    return ha - hb || sa - sb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  })[0];
}

/** Year-on-year rows for every metric marked `headline`, for the baseline year and the year under review. */
export function headlineRows(dataset: Dataset): ChartRow[] {
  const years = [dataset.meta.baselineYear, dataset.meta.year].filter((y): y is number => y !== undefined);
  const sourceOrder = new Map(dataset.sources.map((s, i) => [s.id, i + 1]));
  const rows: ChartRow[] = [];
  for (const metric of dataset.metrics.filter((m) => m.headline)) {
    for (const year of years) {
      const levels = dataset.claims.filter((c) => c.metric === metric.id && c.period === String(year) && !c.relation);
      const claim = representative(levels, sourceOrder);
      if (!claim) continue;
      rows.push({
        metric: metric.id,
        label: metric.label,
        year: String(year),
        value: claim.value * SCALES[claim.scale],
        printed: claim.printed,
        unit: claim.unit,
        claim: claim.id,
        source: sourceOrder.get(claim.source) ?? null,
      });
    }
  }
  return rows;
}

export function chartData(dataset: Dataset): Record<string, ChartRow[]> {
  return { headline: headlineRows(dataset) };
}
