// Alt text for a chart, built from its spec and data: what it shows, then each numeric field's extremes.
import { normaliseStrings } from './data.js';
import type { ChartInput } from './types.js';

type Plain = Record<string, unknown>;
type Row = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

export function describeChart(input: ChartInput): string {
  const spec = normaliseStrings(input.spec) as Plain;
  const parts = [sentence(subject(spec) ?? `Chart "${input.name}"`)];
  const encodings = encodingsOf(spec);
  for (const name of dataNamesOf(spec)) {
    const rows = (normaliseStrings(input.data[name] ?? []) as unknown[]).filter(isPlain);
    parts.push(...numericFields(rows).map((field) => extremes(rows, field, encodings)));
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

function dataNamesOf(spec: Plain): string[] {
  const names = objectsOf(spec)
    .map((o) => (isPlain(o.data) ? o.data.name : undefined))
    .filter((n): n is string => typeof n === 'string');
  return [...new Set(names)];
}

interface Encodings {
  /** Fields the chart shows as categories, naming a data point. */
  categories: string[];
  /** Field of a text channel: how the chart itself prints a value. */
  printed?: string;
}

function encodingsOf(spec: Plain): Encodings {
  const channels = objectsOf(spec).flatMap((o) => [
    ...(isPlain(o.encoding) ? Object.entries(o.encoding) : []),
    ...(isPlain(o.facet) ? facetChannels(o.facet) : []),
  ]);
  const fieldOf = (def: unknown) => (isPlain(def) && typeof def.field === 'string' ? def.field : undefined);
  const categories = channels
    .filter(([channel, def]) => channel !== 'text' && isPlain(def) && (def.type === 'nominal' || def.type === 'ordinal'))
    .map(([, def]) => fieldOf(def))
    .filter((f): f is string => f !== undefined);
  const printed = channels.filter(([channel]) => channel === 'text').map(([, def]) => fieldOf(def)).find((f) => f !== undefined);
  return { categories: [...new Set(categories)], ...(printed === undefined ? {} : { printed }) };
}

/** A wrapped facet is itself a field definition; a row/column facet maps channels to them. */
function facetChannels(facet: Plain): [string, unknown][] {
  return 'field' in facet ? [['facet', facet]] : Object.entries(facet);
}

function numericFields(rows: readonly Row[]): string[] {
  const first = rows[0];
  if (first === undefined) return [];
  return Object.keys(first).filter((key) => rows.every((row) => typeof row[key] === 'number' && Number.isFinite(row[key])));
}

/** Highest and lowest value of `field`; ties go to the earliest row, so the text is stable. */
function extremes(rows: readonly Row[], field: string, encodings: Encodings): string {
  const value = (row: Row) => row[field] as number;
  const highest = rows.reduce((best, row) => (value(row) > value(best) ? row : best));
  const lowest = rows.reduce((best, row) => (value(row) < value(best) ? row : best));
  const show = (row: Row) => `${shown(row, field, encodings)}${nameOf(row, encodings)}`;
  return `Highest ${field}: ${show(highest)}; lowest ${field}: ${show(lowest)}.`;
}

function shown(row: Row, field: string, encodings: Encodings): string {
  const printed = encodings.printed === undefined ? undefined : row[encodings.printed];
  return typeof printed === 'string' ? printed : String(row[field]);
}

function nameOf(row: Row, encodings: Encodings): string {
  const fields = encodings.categories.length > 0 ? encodings.categories : Object.keys(row).filter((k) => typeof row[k] === 'string').slice(0, 1);
  const names = fields.map((f) => row[f]).filter((v) => typeof v === 'string' || typeof v === 'number');
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}
