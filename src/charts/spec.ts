// A chart spec of the template, read and made ready to draw: parsed (JSON errors at their line and column), its
// inline data held to its limit, the locale's texts and the chart data's values put in, and its fields checked
// against the data. Each message points at the line of the spec to change.
import { error, ReviewError } from '../errors.js';
import { readInputTextOrThrow } from '../input/read.js';
import type { Limits } from '../input/limits.js';
import { hasLabel, label, type Locale } from '../locale/index.js';
import { messages as templateMessages } from '../template/index.js';
import { closest } from '../text/suggest.js';
import { positionOf, propertyIn, stringWith } from './position.js';

/** The named datasets a chart may draw from, by name. */
export type ChartData = Readonly<Record<string, readonly Record<string, unknown>[]>>;

/** A spec as read: its JSON value and its text (for positions), named by `file` in messages. */
export interface ChartSpec {
  file: string;
  text: string;
  spec: object;
}

/** "… in JSON at position 51" → line and column of that position in the text. */
function jsonErrorAt(text: string, message: string) {
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  return Number.isFinite(position) ? positionOf(text, position) : {};
}

/** The rows of inline data (`values`) and generated data (`sequence`) anywhere in a chart spec. */
function inlineRows(spec: unknown): number {
  if (Array.isArray(spec)) return spec.reduce((n: number, s) => n + inlineRows(s), 0);
  if (!spec || typeof spec !== 'object') return 0;
  return Object.entries(spec).reduce((n, [k, v]) => n + (k === 'values' && Array.isArray(v) ? v.length : k === 'sequence' ? sequenceRows(v) : inlineRows(v)), 0);
}

/** How many rows `{"sequence": {"start", "stop", "step"}}` generates (Infinity when it cannot be told). */
function sequenceRows(sequence: unknown): number {
  const { start = 0, stop, step = 1 } = (sequence ?? {}) as { start?: unknown; stop?: unknown; step?: unknown };
  if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number' || step === 0) return Infinity;
  return Math.max(0, Math.ceil((stop - start) / step));
}

/** A chart spec read and parsed, with JSON errors at their line and column and inline data within its limit. */
export function readChartSpec(path: string, file: string, limits: Limits): ChartSpec {
  const text = readInputTextOrThrow(path, (detail) => error('chart/unknown', `cannot read the chart spec: ${detail}`, { file }), limits);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new ReviewError([error('chart/json', `invalid JSON: ${detail}`, { file, ...jsonErrorAt(text, (e as Error).message) })]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
    throw new ReviewError([error('chart/invalid-spec', `a chart spec is a JSON object ({"mark": …, "encoding": …}), not ${kind}`, { file, line: 1, column: 1 })]);
  }
  const rows = inlineRows(parsed);
  if (rows > limits.chartRows) {
    const at = propertyIn(text, 'values') ?? propertyIn(text, 'sequence');
    throw new ReviewError([
      error(
        'chart/too-much-data',
        `the chart spec holds or generates ${rows} rows of data of its own, more than the limit of ${limits.chartRows}`,
        { file, ...at },
        'raise the limit with --limit chartRows=N if this is intended',
      ),
    ]);
  }
  return { file, text, spec: parsed };
}

/**
 * The spec with each "{label:group.key}" in its strings replaced by the locale's text, and each
 * "{data:dataset.field}" by that field of the dataset's first row (a title computed from the data, such as the unit).
 */
export function localiseSpec(read: ChartSpec, locale: Locale, data: ChartData): object {
  const put = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value
        .replace(/\{label:([\w.-]+)\}/g, (whole, key: string) => {
          if (!hasLabel(locale.labels, key)) throw new ReviewError([error('chart/unknown-text', templateMessages.unknownText(key), { file: read.file, ...stringWith(read.text, whole) })]);
          return label(locale.labels, key);
        })
        .replace(/\{data:([\w-]+)\.([\w-]+)\}/g, (_m, name: string, field: string) => {
          const v = data[name]?.[0]?.[field];
          return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
        });
    }
    if (Array.isArray(value)) return value.map(put);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, put(v)]));
    return value;
  };
  return put(read.spec) as object;
}

/** Transforms whose output fields are not all named by an `as`: a spec using one is not checked field by field. */
const IMPLICIT_FIELDS = new Set(['fold', 'pivot', 'lookup', 'flatten', 'density', 'regression', 'loess', 'quantile', 'impute', 'stack', 'bin', 'timeUnit', 'aggregate']);

/**
 * The `field`s a chart spec names that neither its data nor its transforms supply: Vega draws an empty figure for
 * them without a word. Fields of the named datasets are the keys of their rows; inline rows and `as` add theirs.
 */
function unknownFields(spec: unknown, data: ChartData): string[] {
  const known = new Set<string>();
  const named: unknown[] = [];
  // Set inside the walk: a transform or repeat that makes fields no `as` names.
  const found = { implicit: false };
  const fields: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, key));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (key === 'data' && typeof o.name === 'string') named.push(...(data[o.name] ?? []));
    if (key === 'data' && Array.isArray(o.values)) named.push(...(o.values as unknown[]));
    if (key === 'transform' && Object.keys(o).some((k) => IMPLICIT_FIELDS.has(k))) found.implicit = true;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'as') [v].flat().forEach((a) => typeof a === 'string' && known.add(a));
      else if (k === 'field' && typeof v === 'string') fields.push(v);
      else if (k === 'repeat' || (k === 'param' && typeof v === 'string')) found.implicit = true;
      else walk(v, k);
    }
  };
  walk(spec);
  for (const row of named) if (row && typeof row === 'object') Object.keys(row).forEach((k) => known.add(k));
  if (found.implicit || !named.length) return [];
  // "a.b" reads field b of field a; "a\\.b" is a field whose name holds a dot.
  const head = (f: string) => f.split(/(?<!\\)\./)[0]!.replace(/\\\./g, '.');
  return [...new Set(fields.filter((f) => !known.has(head(f))))];
}

/** Fails, each field at its line with a suggestion, when the spec encodes fields its data does not have. */
export function checkChartFields(name: string, read: ChartSpec, spec: object, data: ChartData): void {
  const missing = unknownFields(spec, data);
  if (!missing.length) return;
  const all = [...new Set(Object.values(data).flatMap((rows) => rows.flatMap((r) => Object.keys(r))))];
  throw new ReviewError(
    missing.map((f) => {
      const guess = closest(f, all);
      return error(
        'chart/unknown-field',
        `chart "${name}" encodes the field "${f}", which its data does not have`,
        { file: read.file, ...propertyIn(read.text, 'field', f) },
        guess ? templateMessages.didYouMean(guess) : undefined,
      );
    }),
  );
}
