// Named datasets for the charts, derived from the claims, partnerships, events and discrepancies, so that a chart
// never holds a hand-copied figure. Each dataset's rows are documented in docs/charts.md; keep the two in step.
import { SCALES, type Claim, type Dataset, type LadderStep, type Scale } from '../dataset/types.js';
import { localised } from '../text/localised.js';
import type { ChartRow } from '../review.js';
import type { Discrepancy, DiscrepancyReport, Interval } from './types.js';
import { hedgeKey, hedgeVocabulary, NO_HEDGE, type HedgeVocabulary } from '../text/hedges.js';
import { comparedValue } from './discrepancies/claims.js';
import { DEFAULT_TOLERANCES } from './discrepancies/tolerances.js';
import { formatNumber } from '../text/format.js';
import { sourceNumbers } from './citations.js';
import { unitsOf, type MoneyStyle, type Units } from '../units/index.js';

/** The claim a headline chart shows for a metric and year: an unhedged figure if any, else the first-cited source's. */
function representative(claims: readonly Claim[], sourceOrder: ReadonlyMap<string, number>): Claim | undefined {
  const rank = (c: Claim) => [hedgeKey(c.hedge) === NO_HEDGE ? 0 : 1, sourceOrder.get(c.source) ?? Infinity, c.id] as const;
  return [...claims].sort((a, b) => {
    const [ha, sa, ia] = rank(a);
    const [hb, sb, ib] = rank(b);
    return ha - hb || sa - sb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  })[0];
}

/** Year-on-year rows for every metric marked `headline`, for the baseline year and the year under review. */
export function headlineRows(dataset: Dataset): ChartRow[] {
  const years = [dataset.meta.baselineYear, dataset.meta.year].filter((y): y is number => y !== undefined);
  const sourceOrder = sourceNumbers(dataset);
  const units = unitsOf(dataset);
  const hedges = hedgeVocabulary(dataset.meta.hedges);
  const rows: ChartRow[] = [];
  // The level claims of each metric and period, in the dataset's order: one pass, not one per metric and year.
  const levelsOf = new Map<string, Claim[]>();
  for (const c of dataset.claims) {
    if (c.relation) continue;
    const key = `${c.metric}\u0000${c.period}`;
    const list = levelsOf.get(key);
    if (list) list.push(c);
    else levelsOf.set(key, [c]);
  }
  for (const metric of dataset.metrics.filter((m) => m.headline)) {
    for (const year of years) {
      const levels = levelsOf.get(`${metric.id}\u0000${year}`) ?? [];
      const claim = representative(levels, sourceOrder);
      if (!claim) continue;
      // In the metric's unit, so that both years' bars measure alike whatever unit each source printed.
      const { value, unit } = comparedValue(claim, metric.unit, units, DEFAULT_TOLERANCES, hedges);
      rows.push({
        metric: metric.id,
        label: metric.label,
        year: String(year),
        value,
        printed: claim.printed,
        unit,
        claim: claim.id,
        source: sourceOrder.get(claim.source) ?? null,
      });
    }
  }
  return rows;
}

/** What a source prints after its figure's last digit: "countries" of "32 countries", "billion" of "US$930 billion". */
const wordsAfter = (printed: unknown) => (typeof printed === 'string' ? printed : '').replace(/^[\s\S]*\d/, '').trim();

/**
 * Each headline row with `shown`, what the chart writes by its bar: the figure as printed, unless the figures of one
 * metric print their unit differently ("32 countries" beside a bare "42"); then each is written alike, in the
 * metric's unit and the locale's digits, after its hedge word ("nearly 32", "42").
 */
export function headlineLabels(rows: readonly ChartRow[], dataset: Dataset, money: MoneyStyle): ChartRow[] {
  const units = unitsOf(dataset);
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  // The words each metric's figures print after their digits: alike when there is one way.
  const printedWords = new Map<unknown, Set<string>>();
  for (const r of rows) printedWords.set(r.metric, (printedWords.get(r.metric) ?? new Set()).add(wordsAfter(r.printed)));
  const alike = (metric: unknown) => (printedWords.get(metric)?.size ?? 0) <= 1;
  return rows.map((r) => {
    if (alike(r.metric)) return { ...r, shown: r.printed ?? null };
    const hedge = claims.get(String(r.claim))?.hedge ?? NO_HEDGE;
    const written = units.write(r.value as number, String(r.unit), money);
    return { ...r, shown: hedgeKey(hedge) === NO_HEDGE ? written : `${hedge} ${written}` };
  });
}

/** Where a bound of an interval lies when it is open-ended: the chart draws no further than the value times this. */
const OPEN_END = 1.1;

/** The part of an interval a chart draws: an open-ended bound stops a little beyond the value (or at zero below it). */
function drawnRange(interval: Interval, value: number): { low: number; high: number } {
  return {
    low: Number.isFinite(interval.low) ? interval.low : Math.min(0, value * OPEN_END),
    high: Number.isFinite(interval.high) ? interval.high : value * OPEN_END,
  };
}

/** A row's figures (`shown`, `shownLow`, `shownHigh`) in a given scale. */
function inScale(row: ChartRow, scale: Scale): ChartRow {
  const factor = SCALES[scale];
  return { ...row, scaleLabel: scale === 'one' ? '' : scale, shown: (row.value as number) / factor, shownLow: (row.low as number) / factor, shownHigh: (row.high as number) / factor };
}

/** The dataset's sources, metrics and units by id, and the sources' citation numbers: looked up once per dataset. */
interface Lookup {
  numbers: ReadonlyMap<string, number>;
  sources: ReadonlyMap<string, Dataset['sources'][number]>;
  metrics: ReadonlyMap<string, Dataset['metrics'][number]>;
  units: Units;
  hedges: HedgeVocabulary;
}

const lookupOf = (dataset: Dataset): Lookup => ({
  numbers: sourceNumbers(dataset),
  sources: new Map(dataset.sources.map((s) => [s.id, s])),
  metrics: new Map(dataset.metrics.map((m) => [m.id, m])),
  units: unitsOf(dataset),
  hedges: hedgeVocabulary(dataset.meta.hedges),
});

/**
 * One claim as a chart row: its value and the range its hedge allows, in the unit it is compared in (its metric's)
 * and in the scale the source printed ("48.3" with scaleLabel "billion" for €48.3 billion), and its source.
 * `interval`, when given, is the engine's (already in that unit).
 */
function claimRow(claim: Claim, lookup: Lookup, interval?: Interval): ChartRow {
  const { numbers } = lookup;
  const source = lookup.sources.get(claim.source);
  const metric = lookup.metrics.get(claim.metric);
  const compared = comparedValue(claim, metric?.unit, lookup.units, DEFAULT_TOLERANCES, lookup.hedges);
  const value = compared.value;
  const row: ChartRow = {
    claim: claim.id,
    metric: claim.metric,
    metricLabel: metric?.label ?? claim.metric,
    // The source's own name for the measure, when it uses one.
    measure: claim.label ? claim.label.charAt(0).toLocaleUpperCase('en') + claim.label.slice(1) : (metric?.label ?? claim.metric),
    measureIsOwn: claim.label !== undefined,
    period: claim.period,
    source: claim.source,
    sourceNumber: numbers.get(claim.source) ?? null,
    sourceLabel: `[${numbers.get(claim.source) ?? '?'}] ${source?.short ?? source?.publisher ?? claim.source}`,
    printed: claim.printed,
    hedge: claim.hedge,
    unit: compared.unit,
    value,
    ...drawnRange(interval ?? compared.interval, value),
  };
  return inScale(row, claim.scale);
}

/** Every level figure (not a ratio or growth) of every source, with the range its hedge allows. */
export function levelRows(dataset: Dataset): ChartRow[] {
  const lookup = lookupOf(dataset);
  return dataset.claims.filter((c) => !c.relation).map((c) => claimRow(c, lookup));
}

/** The few words chart rows carry, in the review's locale. */
export type ChartWords = Readonly<Record<string, string>>;

/** What chart rows need of the review's locale: their few words, and the Intl tag computed figures are written in. */
export interface ChartLocale {
  /** The build's locale ("en", "vi"): which of the dataset's localised names charts print. */
  name: string;
  words: ChartWords;
  intl: string;
  /** How figures in money and other units are written (the locale's `money`). */
  money: MoneyStyle;
}

/**
 * The topic and unit the measures chart shows: of every topic (metrics' `topic`) and unit, the pair with the most
 * level figures, a currency winning a tie, then the topic met first. One unit, so that the panels share one axis.
 */
function measuresChoice(dataset: Dataset, units: Units): { topic: string; unit: string; metrics: string[] } | undefined {
  const counted = new Map<string, { topic: string; unit: string; metrics: string[]; claims: number; first: number }>();
  dataset.metrics.forEach((m, i) => {
    if (m.topic === undefined) return;
    const key = `${m.topic}\u0000${m.unit}`;
    const entry = counted.get(key) ?? { topic: m.topic, unit: m.unit, metrics: [], claims: 0, first: i };
    entry.metrics.push(m.id);
    entry.claims += dataset.claims.filter((c) => c.metric === m.id && !c.relation).length;
    counted.set(key, entry);
  });
  const currency = (unit: string) => (units.get(unit).kind === 'currency' ? 1 : 0);
  const best = [...counted.values()].filter((e) => e.claims > 0).sort((a, b) => b.claims - a.claims || currency(b.unit) - currency(a.unit) || a.first - b.first)[0];
  return best && { topic: best.topic, unit: best.unit, metrics: best.metrics };
}

/**
 * Level figures of the measures of one topic, by measure as each source names it and by period, in one unit and the
 * scale most of them were printed in; each row carries the axis title ("billion EUR") in the locale's words.
 */
export function measureRows(dataset: Dataset, locale: ChartLocale): ChartRow[] {
  const lookup = lookupOf(dataset);
  const choice = measuresChoice(dataset, lookup.units);
  if (!choice) return [];
  const { words } = locale;
  const claims = dataset.claims.filter((c) => choice.metrics.includes(c.metric) && !c.relation);
  const scale = commonScale(claims);
  const axisTitle = [scale === 'one' ? '' : (words[scale] ?? scale), lookup.units.caption(choice.unit, locale.intl)].filter(Boolean).join(' ');
  return claims
    .map((c) => inScale(claimRow(c, lookup), scale))
    .map((r) => ({
      ...r,
      topic: choice.topic,
      axisTitle,
      // One panel per measure and period; a source's own name for the measure comes after the metrics' own.
      panel: `${r.measure}${r.measureIsOwn ? ` (${words.ownTerm ?? ''})` : ''}, ${r.period}`,
      panelOrder: (r.measureIsOwn ? choice.metrics.length : choice.metrics.indexOf(String(r.metric))) * 10_000 - Number(String(r.period).slice(0, 4)),
    }));
}

/**
 * The findings about one figure the sources give differently: value conflicts and differently named measures (the
 * figure as each source prints it), and stated relations the figures contradict (the relation as each source states
 * it, beside what the other figures imply).
 */
const CONTESTED = new Set(['value-conflict', 'label-conflict', 'derived-relation', 'running-total']);

/** The scale most of the rows' claims were printed in ("billion"), so a panel's axis reads as the sources do. */
function commonScale(claims: readonly Claim[]): Scale {
  const count = (scale: Scale) => claims.filter((c) => c.scale === scale).length;
  return [...new Set(claims.map((c) => c.scale))].sort((a, b) => count(b) - count(a))[0] ?? 'one';
}

/**
 * What the level figures of a contradicted relation imply for it: a row in the same terms (and scale) as the stated
 * ones, its figure written in the locale's digits.
 */
function impliedRow(finding: Discrepancy, levels: readonly Claim[], { numbers }: Lookup, scale: Scale, locale: ChartLocale): ChartRow {
  const implied = finding.implied!;
  const cited = [...new Set(levels.map((c) => numbers.get(c.source) ?? 0))].sort((a, b) => a - b);
  return inScale(
    {
      claim: null,
      metric: finding.metric,
      period: finding.period,
      source: null,
      // After every source: the implied figure is drawn last in its panel.
      sourceNumber: numbers.size + 1,
      sourceLabel: `${locale.words.impliedBy ?? ''} [${cited.join(', ')}]`,
      // The level claims the implied figure comes from, for the figure's source line.
      basis: levels.map((c) => c.id).join(','),
      printed: formatNumber(implied.value / SCALES[scale], locale.intl),
      hedge: 'none',
      unit: implied.unit,
      value: implied.value,
      ...drawnRange(implied.interval, implied.value),
      implied: true,
    },
    scale,
  );
}

/**
 * The stretch of axis a panel draws (`axisLow` to `axisHigh`): the panel's figures and ranges, widened about their
 * middle to at least a tenth of its largest figure, so that a tiny difference does not fill the width as if it were
 * a large one. A panel of whole things ends on whole numbers and spans at least four of them, so that an axis of five
 * ticks steps by whole numbers (never 6.2, 6.4); a panel of figures that are none of them negative never reaches below zero.
 */
export function panelExtent(rows: readonly ChartRow[], whole: boolean): { axisLow: number; axisHigh: number } {
  const values = rows.flatMap((r) => [r.shown, r.shownLow, r.shownHigh] as number[]).filter(Number.isFinite);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const span = Math.max(high - low, Math.max(...values.map(Math.abs)) / 10, whole ? 4 : 0);
  const middle = (low + high) / 2;
  [low, high] = [middle - span / 2, middle + span / 2];
  if (low < 0 && values.every((v) => v >= 0)) [low, high] = [0, span];
  return whole ? { axisLow: Math.floor(low), axisHigh: Math.ceil(high) } : { axisLow: low, axisHigh: high };
}

/**
 * Where a figure's label goes beside its dot, so that it stays inside the plot: running right from a dot in the
 * left third of the panel's axis, left from one in the right third, centred on one in the middle.
 */
const labelAlign = (value: number, { axisLow, axisHigh }: { axisLow: number; axisHigh: number }) => {
  const at = axisHigh > axisLow ? (value - axisLow) / (axisHigh - axisLow) : 0.5;
  return at < 1 / 3 ? 'left' : at > 2 / 3 ? 'right' : 'center';
};

/** "D12" → 12: the finding's place in the table, so that panels sort as numbers (D2 before D10), not as text. */
const findingNumber = (id: string) => Number(/\d+/.exec(id)?.[0] ?? 0);

/**
 * One row per source in each contested finding: its figure (or stated relation) and the range its hedge allows, in
 * the scale most of the finding's sources printed, labelled with the finding's number in the discrepancy table; a
 * contradicted relation adds a row for what the other figures imply.
 */
export function disagreementRows(dataset: Dataset, report: DiscrepancyReport, locale: ChartLocale): ChartRow[] {
  const { words } = locale;
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  const lookup = lookupOf(dataset);
  return report.discrepancies
    .filter((d) => CONTESTED.has(d.rule))
    .flatMap((d) => {
      const involved = d.claims.map((c) => ({ involved: c, claim: claims.get(c.claim)! }));
      // A relation finding shows its stated relations; the level figures are what the implied row comes from.
      const isRelation = d.implied !== undefined;
      const shown = involved.filter((c) => (c.claim.relation !== undefined) === isRelation);
      const levels = involved.filter((c) => c.claim.relation === undefined).map((c) => c.claim);
      const first = shown[0]?.claim;
      if (!first) return [];
      const scale = commonScale(shown.map((c) => c.claim));
      const rows = [
        ...shown.map((c) => inScale({ ...claimRow(c.claim, lookup, c.involved.interval), implied: false, basis: null }, scale)),
        ...(isRelation ? [impliedRow(d, levels, lookup, scale, locale)] : []),
      ];
      const label = lookup.metrics.get(first.metric)?.label ?? first.metric;
      const against = first.relation && first.relation.type !== 'increment' ? ` ${words.against ?? ''} ${first.relation.base}` : '';
      // The unit in the locale's words: "(billion EUR)", "(tỷ EUR)", "(times)", "(million tonnes)".
      const unit = lookup.units.caption(shown[0]!.involved.unit, locale.intl);
      const units = [scale === 'one' ? '' : (words[scale] ?? scale), unit].filter(Boolean).join(' ');
      const extent = panelExtent(rows, scale === 'one' && lookup.units.get(shown[0]!.involved.unit).whole);
      return rows.map((row) => ({
        ...row,
        // What the chart writes by a figure: as printed, and in a naming difference the source's own name for it.
        shownText: d.rule === 'label-conflict' && !row.implied && row.measureIsOwn ? `${row.printed} · ${row.measure}` : (row.printed ?? null),
        ...extent,
        labelAlign: labelAlign(row.shown as number, extent),
        finding: d.id,
        findingNumber: findingNumber(d.id),
        rule: d.rule,
        severity: d.severity,
        title: `${d.id} · ${label}, ${d.period}${against}`,
        panel: `${d.id} · ${label}, ${d.period}${against}${units ? ` (${units})` : ''}`,
      }));
    });
}

/** A ladder's step names in the build's locale, and each step's place (0 for the first, the highest). */
function ladderOf(steps: readonly LadderStep[] | undefined, dataset: Dataset, locale: ChartLocale) {
  const list = steps ?? [];
  return {
    label: (id: string) => localised(list.find((s) => s.id === id)?.label, locale.name, dataset.meta.language) ?? id,
    rank: (id: string) => list.findIndex((s) => s.id === id),
  };
}

/** One row per partner: its level (named and ranked by the dataset's ladder), and the year and kind of its last step. */
export function partnershipRows(dataset: Dataset, locale: ChartLocale): ChartRow[] {
  const { words } = locale;
  const numbers = sourceNumbers(dataset);
  const levels = ladderOf(dataset.meta.partnershipLevels, dataset, locale);
  return dataset.partnerships.map((p) => ({
    partner: p.partner,
    level: p.level,
    levelLabel: levels.label(p.level),
    levelRank: levels.rank(p.level),
    year: p.year === undefined ? null : String(p.year),
    yearLabel: p.year === undefined ? (words.yearNotGiven ?? '') : String(p.year),
    action: p.action ?? null,
    step: p.action ? (words[`action-${p.action}`] ?? p.action) : '',
    sources: `[${p.sources
      .map((s) => numbers.get(s) ?? '?')
      .sort((a, b) => Number(a) - Number(b))
      .join(', ')}]`,
    sourceIds: p.sources.join(','),
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The span a date as precise as the sources allow covers: a whole year, a whole month, or a day. `end` is its last
 * day; `until` the day after it, where a bar drawn from `start` to `until` ends exactly at the span's end.
 */
export function dateSpan(date: string): { start: string; end: string; until: string; precision: 'year' | 'month' | 'day' } {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (m === undefined) return { start: `${y}-01-01`, end: `${y}-12-31`, until: `${y + 1}-01-01`, precision: 'year' };
  if (d === undefined) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(last)}`, until: iso(Date.UTC(y, m, 1)), precision: 'month' };
  }
  return { start: date, end: date, until: iso(Date.UTC(y, m - 1, d + 1)), precision: 'day' };
}

/** One row per event, in date order, with the span its date covers. */
export function eventRows(dataset: Dataset, locale: ChartLocale): ChartRow[] {
  const { words } = locale;
  const categories = ladderOf(dataset.meta.eventCategories, dataset, locale);
  const dated = { year: words.withinYear, month: words.inMonth, day: words.onDay };
  return [...dataset.events]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => {
      const span = dateSpan(e.date);
      return {
        id: e.id,
        title: e.title,
        category: e.category,
        categoryLabel: categories.label(e.category),
        categoryRank: categories.rank(e.category),
        date: e.date,
        place: e.place ?? null,
        sourceIds: e.sources.join(','),
        ...span,
        dated: dated[span.precision] ?? '',
        precisionRank: ['year', 'month', 'day'].indexOf(span.precision),
      };
    });
}

export function chartData(dataset: Dataset, report: DiscrepancyReport, locale: ChartLocale): Record<string, ChartRow[]> {
  return {
    headline: headlineLabels(headlineRows(dataset), dataset, locale.money),
    levels: levelRows(dataset),
    disagreements: disagreementRows(dataset, report, locale),
    measures: measureRows(dataset, locale),
    partnerships: partnershipRows(dataset, locale),
    events: eventRows(dataset, locale),
  };
}
