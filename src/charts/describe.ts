// Alt text for a chart, built from its spec and data: what it shows (the spec's description or title), then the
// figures themselves. Facets become one sentence each ("D3 · Trade in goods, 2025: roughly €48.3 billion ([1]
// Ledger); …"), short datasets are listed in full, long ones by their extremes; a time axis gives its span.
// A chart of categories alone (no quantity, no time) is summed up by its colour legend, then listed thing by thing.
// Only what the chart prints is named: fields on a hidden axis or legend are left out.
import { fillPattern } from '../text/format.js';
import { normaliseStrings } from './data.js';
import type { ChartInput } from './types.js';

/** The alt text's own words in the build's locale (the locale's `charts.alt…` patterns). */
export interface AltWords {
  /** 'Chart "{name}".', for a spec with neither description nor title. */
  chart: string;
  noData: string;
  /** "{count} entries, from {from} to {to}." */
  span: string;
  /** "{count} entries: {tally}." */
  tally: string;
  /** "{count} values; the highest {highest}, the lowest {lowest}" */
  extremes: string;
}

type Plain = Record<string, unknown>;
type Row = Record<string, unknown>;

/** Datasets up to this many rows (or facets up to this many) are listed in full. */
const LIST_ALL = 12;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

export function describeChart(input: ChartInput, words: AltWords): string {
  const spec = normaliseStrings(input.spec) as Plain;
  const parts = [sentence(subject(spec) ?? fillPattern(words.chart, { name: input.name }))];
  const encodings = encodingsOf(spec);
  for (const name of chartDataNames(spec)) {
    const rows = (normaliseStrings(input.data[name] ?? []) as unknown[]).filter(isPlain);
    parts.push(...describeRows(rows, encodings, words));
  }
  return parts.join(' ');
}

function subject(spec: Plain): string | undefined {
  if (typeof spec.description === 'string' && spec.description.trim() !== '') return spec.description.trim();
  const title = isPlain(spec.title) ? spec.title.text : spec.title;
  if (typeof title === 'string') return title;
  return Array.isArray(title) ? title.join(' ') : undefined;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Every object in the spec, depth first, in document order. */
function objectsOf(value: unknown): Plain[] {
  if (Array.isArray(value)) return value.flatMap(objectsOf);
  if (!isPlain(value)) return [];
  return [value, ...Object.values(value).flatMap(objectsOf)];
}

/** The names of the datasets a Vega-Lite spec asks the pipeline for (`{"data": {"name": …}}`), in order. */
export function chartDataNames(spec: object): string[] {
  const names = objectsOf(spec)
    .map((o) => (isPlain(o.data) ? o.data.name : undefined))
    .filter((n): n is string => typeof n === 'string');
  return [...new Set(names)];
}

interface Encodings {
  /** The facet field: one sentence per value. */
  group?: string;
  /** Fields the chart prints as categories (on a visible axis or legend), naming a data point. */
  categories: string[];
  /** Field of a text channel: how the chart itself prints a value. */
  printed?: string;
  /** A category the colour legend names: a chart without quantities is summed up by it. */
  legend?: string;
  quantitative: string[];
  temporal: string[];
}

const fieldOf = (def: unknown) => (isPlain(def) && typeof def.field === 'string' ? def.field : undefined);
const shown = (def: Plain) => def.axis !== null && def.legend !== null;

function encodingsOf(spec: Plain): Encodings {
  const objects = objectsOf(spec);
  const channels = objects.flatMap((o) => (isPlain(o.encoding) ? Object.entries(o.encoding) : []));
  const facets = objects.flatMap((o) => (isPlain(o.facet) ? ('field' in o.facet ? [o.facet] : Object.values(o.facet)) : []));
  const group = facets.map(fieldOf).find((f) => f !== undefined);
  const typed = (type: string, names: readonly string[]) =>
    channels
      .filter(([channel, def]) => names.includes(channel) && isPlain(def) && def.type === type)
      .map(([, def]) => fieldOf(def))
      .filter((f): f is string => f !== undefined);
  const categories = channels
    .filter(([channel, def]) => ['x', 'y', 'color', 'shape', 'column', 'row'].includes(channel) && isPlain(def) && (def.type === 'nominal' || def.type === 'ordinal') && shown(def))
    .map(([, def]) => fieldOf(def))
    .filter((f): f is string => f !== undefined && f !== group);
  const printed = channels
    .filter(([channel]) => channel === 'text')
    .map(([, def]) => fieldOf(def))
    .find((f) => f !== undefined);
  const legend = channels
    .filter(([channel, def]) => channel === 'color' && isPlain(def) && (def.type === 'nominal' || def.type === 'ordinal') && shown(def))
    .map(([, def]) => fieldOf(def))
    .find((f) => f !== undefined);
  return {
    ...(group === undefined ? {} : { group }),
    categories: [...new Set(categories)],
    ...(printed === undefined ? {} : { printed }),
    ...(legend === undefined ? {} : { legend }),
    quantitative: [...new Set(typed('quantitative', ['x', 'y']))],
    temporal: [...new Set(typed('temporal', ['x', 'y']))],
  };
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function describeRows(rows: readonly Row[], e: Encodings, words: AltWords): string[] {
  if (!rows.length) return [words.noData];
  const has = (field: string | undefined): field is string => field !== undefined && rows.every((r) => field in r);
  const categories = e.categories.filter((f) => has(f) && f !== e.printed);
  const quantity = e.quantitative.find(has) ?? (has('value') ? 'value' : undefined);
  const time = e.temporal.find(has);
  const dateOf = (r: Row) => text(r.date ?? (time ? r[time] : undefined));
  const item = (r: Row) => {
    const value = has(e.printed) ? text(r[e.printed]) : quantity ? text(r[quantity]) : '';
    const names = [...categories.map((f) => text(r[f])), ...(time ? [dateOf(r)] : [])].filter(Boolean);
    // Without a quantity or a time the chart places things by category: name the thing first, then where it stands.
    if (!quantity && !time && names.length > 1) return `${names[0]}: ${[...names.slice(1), value].filter(Boolean).join(', ')}`;
    return [value, names.length ? `(${names.join(', ')})` : ''].filter(Boolean).join(' ');
  };
  const out: string[] = [];
  if (time) {
    const dates = rows.map(dateOf).sort();
    out.push(fillPattern(words.span, { count: String(rows.length), from: dates[0]!, to: dates[dates.length - 1]! }));
  } else if (!quantity && has(e.legend)) {
    out.push(fillPattern(words.tally, { count: String(rows.length), tally: tally(rows, e.legend) }));
  }
  const list = (of: readonly Row[]) => (of.length <= LIST_ALL || !quantity ? of.map(item).join('; ') : extremes(of, quantity, item, words));
  if (has(e.group)) {
    const groups = new Map<string, Row[]>();
    for (const r of rows) groups.set(text(r[e.group]), [...(groups.get(text(r[e.group])) ?? []), r]);
    for (const [name, members] of groups) out.push(sentence(`${name}: ${list(members)}`));
  } else {
    out.push(sentence(list(rows)));
  }
  return out;
}

/** How many rows each value of `field` has, in order of first appearance: "7 Comprehensive strategic, 1 Strategic". */
function tally(rows: readonly Row[], field: string): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(text(r[field]), (counts.get(text(r[field])) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
}

/** Highest and lowest value of `field`; ties go to the earliest row, so the text is stable. */
function extremes(rows: readonly Row[], field: string, item: (r: Row) => string, words: AltWords): string {
  const value = (row: Row) => row[field] as number;
  const highest = rows.reduce((best, row) => (value(row) > value(best) ? row : best));
  const lowest = rows.reduce((best, row) => (value(row) < value(best) ? row : best));
  return fillPattern(words.extremes, { count: String(rows.length), highest: item(highest), lowest: item(lowest) });
}
