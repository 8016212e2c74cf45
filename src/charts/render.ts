// One chart from Vega-Lite spec to SVG: compile, bind data, run headless in the sandbox, finish text, serialise.
import * as vega from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { ReviewError, type Diagnostic } from '../errors.js';
import { bindData, externalDataNames, normaliseStrings } from './data.js';
import * as message from './messages.js';
import { loadChartFonts, withChartFonts, type ChartFonts } from './metrics.js';
import { recordingLogger, refusingLoader, type RecordingLogger } from './sandbox.js';
import { finishText, hasImages } from './scene.js';
import { themeConfig } from './theme.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

/** Whoever draws with this module directly can make the next render draw afresh. */
export { forgetDrawnCharts } from './drawn.js';

type Plain = Record<string, unknown>;

/** The narrowest inner width a composite chart is given while fitting it to the column. */
const MIN_INNER_WIDTH = 40;

/** Vega's number and time formats are process-wide: set for one render, restored after it. */
async function withLocale<T>(locale: ChartTheme['locale'], body: () => Promise<T>): Promise<T> {
  if (!locale) return body();
  vega.formatLocale({ decimal: locale.decimal, thousands: locale.thousands, grouping: [3], currency: ['', ''] });
  vega.timeFormatLocale({
    dateTime: '%x, %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: locale.days,
    shortDays: locale.shortDays,
    months: locale.months,
    shortMonths: locale.shortMonths,
  });
  try {
    return await body();
  } finally {
    (vega as unknown as { resetDefaultLocale(): void }).resetDefaultLocale();
  }
}

/** One chart drawn in this thread, from its spec and data: what renderChart serves and the chart thread runs. */
export async function drawChart(input: ChartInput, theme: ChartTheme): Promise<DrawnChart> {
  return withLocale(theme.locale, () => renderInLocale(input, theme));
}

async function renderInLocale(input: ChartInput, theme: ChartTheme): Promise<DrawnChart> {
  const fonts = loadChartFonts(theme.fonts);
  const spec = normaliseStrings(input.spec) as Plain;
  const chart = await withChartFonts(fonts, () =>
    isComposite(spec) && spec.width === undefined ? renderToWidth(input, spec, theme, fonts) : renderPass(input, fittedUnit(spec, theme), theme, fonts, theme.width),
  );
  return { name: input.name, ...chart };
}

/** Facets and concatenations size their cells, not themselves; a unit spec's row/column channels make a facet. */
function isComposite(spec: Plain): boolean {
  if (['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => key in spec)) return true;
  const encoding = spec.encoding as Plain | undefined;
  return encoding !== undefined && ['row', 'column', 'facet'].some((key) => key in encoding);
}

/** A unit or layer spec without a width (or with "container") fills the column exactly. */
function fittedUnit(spec: Plain, theme: ChartTheme): Plain {
  if (spec.width !== undefined && spec.width !== 'container') return spec;
  return { autosize: { type: 'fit-x', contains: 'padding' }, ...spec, width: theme.width };
}

/**
 * Vega-Lite cannot fit a composite chart to a width, so the cells' default width is solved for: the total
 * width grows linearly with it (slope = number of columns), so two corrections reach the column width.
 */
async function renderToWidth(input: ChartInput, spec: Plain, theme: ChartTheme, fonts: ChartFonts): Promise<Chart> {
  const target = theme.width;
  const pass = (inner: number) => renderPass(input, spec, theme, fonts, Math.max(MIN_INNER_WIDTH, inner));
  // Within a point of the column and never wider: a chart a fraction too wide would be drawn scaled down.
  const fits = (width: number) => width <= target && target - width < 1;
  const first = await pass(target);
  if (fits(first.width)) return first;
  const secondInner = target + target - first.width;
  const second = await pass(secondInner);
  if (fits(second.width) || second.width === first.width) return second;
  const slope = (second.width - first.width) / (secondInner - target);
  const third = await pass(secondInner + (target - second.width) / slope);
  return third.width <= target ? third : pass(secondInner + (Math.floor(target) - second.width) / slope - 0.5);
}

type Chart = Omit<DrawnChart, 'name'>;

async function renderPass(input: ChartInput, spec: Plain, theme: ChartTheme, fonts: ChartFonts, innerWidth: number): Promise<Chart> {
  const log = recordingLogger();
  const compiled = compileSpec(input, spec, themeConfig(theme, innerWidth), log);
  const missing = externalDataNames(compiled).filter((name) => !(name in input.data));
  if (missing.length > 0) throw new ReviewError([message.unknownData(input, missing, Object.keys(input.data))]);

  const { loader, refused } = refusingLoader();
  const view = createView(input, bindData(compiled, input.data), loader, log);
  try {
    await view.runAsync();
    failOnProblems(input, refused, log);
    // The typings describe the scenegraph without its root group.
    const root = (view.scenegraph() as unknown as { root: unknown }).root;
    if (hasImages(root)) throw new ReviewError([message.imageMark(input)]);
    finishText(root, fonts, theme.fontFamily);
    // Clip and gradient ids count up per process; resetting them keeps equal charts byte-identical.
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    const warnings = log.entries.filter((entry) => !isAssumedSameSource(entry.message, spec) && !isOurFitY(entry.message, input));
    return { svg, ...svgSize(svg), warnings: warnings.map((entry) => message.vegaWarning(input, entry.message)) };
  } finally {
    view.finalize();
  }
}

/**
 * Vega-Lite warns whenever a faceted layer chart has independent scales (vega-lite#2736): it cannot prove the layers
 * read the same rows, and assumes they do. That holds when no layer names data of its own, so the warning says
 * nothing then and is dropped; with layer data of its own it is kept.
 */
function isAssumedSameSource(text: string, spec: Plain): boolean {
  if (!text.startsWith('Detected faceted independent scales that union domain of the same fields from different source')) return false;
  const dataDeclarations = JSON.stringify(spec).match(/"data":/g)?.length ?? 0;
  return dataDeclarations <= 1;
}

/**
 * A unit chart is fitted to the column with autosize "fit-x" (`fittedUnit`); when its height is a step per row,
 * Vega-Lite says it drops fitting the height, which was never asked for. Only a spec's own autosize is worth a word.
 */
function isOurFitY(text: string, input: ChartInput): boolean {
  return text.startsWith('Dropping "fit-y" because spec has discrete height') && !('autosize' in input.spec);
}

/** Vega-Lite 6's marks, primitive and composite: a spec naming another fails deep inside the compiler. */
const MARKS = new Set(['arc', 'area', 'bar', 'image', 'line', 'point', 'rect', 'rule', 'text', 'tick', 'trail', 'circle', 'square', 'geoshape', 'boxplot', 'errorbar', 'errorband']);

/** The marks a spec names that Vega-Lite does not have, at any depth (layers, facets, concatenations). */
function unknownMarks(spec: unknown): string[] {
  if (Array.isArray(spec)) return spec.flatMap(unknownMarks);
  if (!spec || typeof spec !== 'object') return [];
  return Object.entries(spec).flatMap(([k, v]) => {
    const type = k === 'mark' ? (typeof v === 'string' ? v : (v as { type?: unknown } | null)?.type) : undefined;
    return typeof type === 'string' && !MARKS.has(type) ? [type] : unknownMarks(v);
  });
}

function compileSpec(input: ChartInput, spec: Plain, config: Config, log: RecordingLogger): vega.Spec {
  try {
    return compile(spec as unknown as TopLevelSpec, { config, logger: log.logger }).spec;
  } catch (e) {
    // The compiler's own words for a spec it cannot read are often a JavaScript TypeError: say what is wrong instead.
    const marks = unknownMarks(spec);
    const detail = marks.length
      ? `unknown mark ${marks.map((m) => `"${m}"`).join(', ')} (the marks: ${[...MARKS].join(', ')})`
      : e instanceof TypeError
        ? `Vega-Lite cannot read it (${e.message}); check the mark, the encoding channels and their types`
        : (e as Error).message;
    throw new ReviewError([message.invalidSpec(input, detail, marks[0])]);
  }
}

function createView(input: ChartInput, spec: vega.Spec, loader: vega.Loader, log: RecordingLogger): vega.View {
  try {
    // `ast: true` plus the interpreter evaluates expressions without generating code (no eval, CSP-safe).
    const runtime = vega.parse(spec, undefined, { ast: true });
    return new vega.View(runtime, { renderer: 'none', loader, logger: log.logger, expr: expressionInterpreter });
  } catch (e) {
    throw new ReviewError([message.invalidSpec(input, (e as Error).message)]);
  }
}

/** Vega only logs a refused load or a failed operator and draws on; either fails the chart here. */
function failOnProblems(input: ChartInput, refused: readonly string[], log: RecordingLogger): void {
  const problems: Diagnostic[] = [
    ...[...new Set(refused)].map((url) => message.refusedLoad(input, url)),
    ...(refused.length > 0 ? [] : log.entries.filter((e) => e.level === 'error').map((e) => message.vegaError(input, e.message))),
  ];
  if (problems.length > 0) throw new ReviewError(problems);
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: attribute('width'), height: attribute('height') };
}
