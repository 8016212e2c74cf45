// A faceted chart with more panels than a page holds, drawn as several parts of whole panels, each a chart of its own
// with the spec's title, axes and legend: never cut at the page foot. A spec asks for it with
// `"usermeta": {"panelsPerFigure": N}`; the panels are its row facet's values in the order of the data's rows, at
// most N to a part, shared out evenly, and fewer where a part would still be taller than the room a page gives.
import type { ChartInput, DrawnChart } from './types.js';

type Plain = Record<string, unknown>;

/** A part as drawn: the chart (named `<name>` for the first part, `<name>.2`, `<name>.3` … after it) and its panels. */
export interface ChartPart {
  chart: DrawnChart;
  input: ChartInput;
  /** The part's first and last panel, by the spec's `usermeta.panelLabel` field ("D7", "D12"); empty for a whole chart. */
  panels: string[];
}

interface Split {
  dataset: string;
  field: string;
  perPart: number;
  label: string;
}

/** What a spec asks: split by its row facet's field, at most `panelsPerFigure` panels a part. */
function splitOf(spec: Plain): Split | undefined {
  const meta = spec.usermeta as Plain | undefined;
  const perPart = Number(meta?.panelsPerFigure);
  const facet = spec.facet as Plain | undefined;
  const row = (facet?.row ?? facet) as Plain | undefined;
  const dataset = (spec.data as Plain | undefined)?.name;
  if (!Number.isInteger(perPart) || perPart < 1 || typeof row?.field !== 'string' || typeof dataset !== 'string') return undefined;
  return { dataset, field: row.field, perPart, label: typeof meta?.panelLabel === 'string' ? meta.panelLabel : row.field };
}

/** `items` in `parts` runs of sizes differing by at most one, in order. */
function shareOut<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.floor(items.length / parts);
  const larger = items.length % parts;
  const out: T[][] = [];
  for (let i = 0, at = 0; i < parts; i += 1) {
    const n = size + (i < larger ? 1 : 0);
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Draws a chart whole, or in parts when its spec asks for them and it has more panels than one part holds: each part
 * at most `room` points tall where its panels allow (a part over the room is halved until it fits or holds one panel).
 */
export async function drawInParts(input: ChartInput, draw: (input: ChartInput) => Promise<DrawnChart>, room: number): Promise<ChartPart[]> {
  const split = splitOf(input.spec as Plain);
  const rows = split ? (input.data[split.dataset] ?? []) : [];
  const value = (row: object, field: string) => String((row as Plain)[field]);
  const panels = split ? [...new Set(rows.map((r) => value(r, split.field)))] : [];
  if (!split || panels.length <= split.perPart) return [{ chart: await draw(input), input, panels: [] }];

  const partInput = (group: readonly string[]): ChartInput => {
    const chosen = new Set(group);
    return { ...input, data: { ...input.data, [split.dataset]: rows.filter((r) => chosen.has(value(r, split.field))) } };
  };
  const drawn: { chart: DrawnChart; input: ChartInput; group: string[] }[] = [];
  const drawGroup = async (group: string[]): Promise<void> => {
    const part = partInput(group);
    const chart = await draw(part);
    if (chart.height <= room || group.length === 1) {
      drawn.push({ chart, input: part, group });
      return;
    }
    const half = Math.ceil(group.length / 2);
    await drawGroup(group.slice(0, half));
    await drawGroup(group.slice(half));
  };
  for (const group of shareOut(panels, Math.ceil(panels.length / split.perPart))) await drawGroup(group);

  const labelOf = (panel: string) =>
    value(
      rows.find((r) => value(r, split.field) === panel)!,
      split.label,
    );
  return drawn.map(({ chart, input: part, group }, i) => {
    const name = i === 0 ? input.name : `${input.name}.${i + 1}`;
    return { chart: { ...chart, name }, input: { ...part, name }, panels: [...new Set([group[0]!, group[group.length - 1]!])].map(labelOf) };
  });
}
