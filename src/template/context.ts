// The values a template can use, built from the Review. Documented in docs/templates.md; keep the two in step.
import { localised } from '../text/localised.js';
import type { InvolvedClaim } from '../analysis/types.js';
import { label, type LabelTree } from '../locale/index.js';
import { sourceAnchor } from '../text/citations.js';
import type { Claim } from '../dataset/types.js';
import type { Review } from '../review.js';

/** The headline chart's rows pivoted for a table: one row per metric, the baseline and current year side by side. */
function headlineTable(review: Review) {
  const { baselineYear, year } = review.dataset.meta;
  const rows = review.chartData.headline ?? [];
  const metrics = [...new Set(rows.map((r) => String(r.metric)))];
  const pick = (metric: string, y: number | undefined) => rows.find((r) => r.metric === metric && r.year === String(y));
  return {
    rows: metrics.map((metric) => ({ metric, label: pick(metric, year)?.label ?? pick(metric, baselineYear)?.label, baseline: pick(metric, baselineYear), current: pick(metric, year) })),
    claims: rows.map((r) => String(r.claim)),
  };
}

/**
 * For each chart dataset, the claims (or else the sources) its rows come from, including those a computed figure is
 * based on (`basis`): what a figure's source line cites.
 */
function chartCitations(review: Review): Record<string, string[]> {
  const ids = (rows: readonly Record<string, unknown>[]) => {
    const claims = rows.flatMap((r) => [r.claim, ...(typeof r.basis === 'string' ? r.basis.split(',') : [])]).filter((c): c is string => typeof c === 'string');
    if (claims.length) return claims;
    return rows.flatMap((r) => (typeof r.sourceIds === 'string' ? r.sourceIds.split(',') : typeof r.source === 'string' ? [r.source] : []));
  };
  return Object.fromEntries(Object.entries(review.chartData).map(([name, rows]) => [name, [...new Set(ids(rows))]]));
}

/**
 * For each chart dataset, the numbers of the findings its figures take part in, among those the chart of
 * disagreements draws ("D2"): what a caption names to send the reader to the table of discrepancies.
 */
function chartFindings(review: Review): Record<string, string[]> {
  const drawn = new Set((review.chartData.disagreements ?? []).map((r) => r.finding));
  const findings = new Map<string, string[]>();
  for (const d of review.discrepancies.discrepancies.filter((d) => drawn.has(d.id))) {
    for (const c of d.claims) findings.set(c.claim, [...(findings.get(c.claim) ?? []), d.id]);
  }
  const of = (rows: readonly Record<string, unknown>[]) => rows.flatMap((r) => (typeof r.claim === 'string' ? (findings.get(r.claim) ?? []) : []));
  const order = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));
  return Object.fromEntries(Object.entries(review.chartData).map(([name, rows]) => [name, [...new Set(of(rows))].sort(order)]));
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function templateContext(review: Review, labels: LabelTree, localeName: string) {
  const { dataset, discrepancies } = review;
  const metricLabel = new Map(dataset.metrics.map((m) => [m.id, m.label]));
  const number = (sourceId: string) => review.cite(sourceId)?.number;
  const claim = (c: Claim) => ({ ...c, metricLabel: metricLabel.get(c.metric) ?? c.metric, sourceNumber: number(c.source) });
  const involved = (c: InvolvedClaim) => ({ ...c, metricLabel: metricLabel.get(c.metric) ?? c.metric, sourceNumber: number(c.source) });
  const standing = new Map(discrepancies.sources.map((s) => [s.source, s]));
  /** The sources an explanation names as [n], by n: what the explain helper links each marker to. */
  const citations = (claims: readonly InvolvedClaim[]) => Object.fromEntries(claims.map((c) => [String(number(c.source)), c.source]));
  return {
    meta: dataset.meta,
    /** The country or organisation the review is about, in the build's locale; undefined when review.yaml names none. */
    subject: localised(dataset.meta.subject, localeName, dataset.meta.language),
    sources: dataset.sources.map((s) => ({
      ...s,
      citation: number(s.id),
      anchor: sourceAnchor(s.id),
      claims: dataset.claims.filter((c) => c.source === s.id).map(claim),
      standing: standing.get(s.id),
    })),
    metrics: dataset.metrics,
    claims: dataset.claims.map(claim),
    events: [...dataset.events].sort(byDate),
    partnerships: dataset.partnerships,
    people: dataset.people,
    sections: dataset.narrative,
    discrepancies: discrepancies.discrepancies.map((d) => ({
      ...d,
      ruleLabel: label(labels, `rules.${d.rule}`),
      severityLabel: label(labels, `severity.${d.severity}`),
      metricLabel: metricLabel.get(d.metric) ?? d.metric,
      claims: d.claims.map(involved),
      citations: citations(d.claims),
    })),
    consistent: discrepancies.consistent.map((a) => ({
      ...a,
      metricLabel: metricLabel.get(a.metric) ?? a.metric,
      claims: a.claims.map(involved),
      claimIds: a.claims.map((c) => c.claim),
      citations: citations(a.claims),
      // The figures agree, but a source names them differently: the finding that says so, so both are said at once.
      labelFinding: discrepancies.discrepancies.find((d) => d.rule === 'label-conflict' && d.metric === a.metric && d.period === a.period)?.id,
    })),
    charts: review.chartData,
    chartCitations: chartCitations(review),
    chartFindings: chartFindings(review),
    headline: headlineTable(review),
    counts: {
      sources: dataset.sources.length,
      claims: dataset.claims.length,
      discrepancies: discrepancies.discrepancies.length,
      consistent: discrepancies.consistent.length,
    },
  };
}
