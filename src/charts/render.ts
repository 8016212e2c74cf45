// One chart from Vega-Lite spec to SVG: compile, bind data, run headless in the sandbox, finish text, serialise.
import * as vega from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { ReviewError, type Diagnostic } from '../errors.js';
import { intlOnce } from '../text/format.js';
import { bindData, externalDataNames, normaliseStrings } from './data.js';
import * as message from './messages.js';
import { loadChartFonts, withChartFonts, type ChartFonts } from './metrics.js';
import { remember } from '../output/index.js';
import { recordingLogger, refusingLoader, type LogEntry, type RecordingLogger } from './sandbox.js';
import { finishText, hasImages } from './scene.js';
import { themeConfig } from './theme.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

/** Whoever draws with this module directly can make the next render draw afresh. */
export { forgetDrawnCharts } from './drawn.js';

type Plain = Record<string, unknown>;

/** The narrowest inner width a composite chart is given while fitting it to the column. */
const MIN_INNER_WIDTH = 40;

/** Days of the week from Sunday, as Intl writes them in `intl` (1 January 2023 was a Sunday); named once per process. */
const weekdays = intlOnce((intl, weekday: 'long' | 'short') => {
  const format = new Intl.DateTimeFormat(intl, { weekday, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2023, 0, 1 + i)));
});

/**
 * Vega's number and time formats are process-wide: set for one render, restored after it. Day names are made here,
 * when a chart is drawn: a build whose charts are all kept in the cache folder names none.
 */
async function withLocale<T>(locale: ChartTheme['locale'], body: () => Promise<T>): Promise<T> {
  if (!locale) return body();
  vega.formatLocale({ decimal: locale.decimal, thousands: locale.thousands, grouping: [3], currency: ['', ''] });
  vega.timeFormatLocale({
    dateTime: '%x, %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: [...weekdays(locale.intl, 'long')],
    shortDays: [...weekdays(locale.intl, 'short')],
    months: locale.months,
    shortMonths: locale.shortMonths,
  });
  try {
    return await body();
  } finally {
    (vega as unknown as { resetDefaultLocale(): void }).resetDefaultLocale();
  }
}

/** How a composite chart is fitted to the column: `recompile` compiles it afresh for each width it tries. */
interface Fitting {
  recompile?: boolean;
}

/** One chart drawn in this thread, from its spec and data: what renderChart serves and the chart thread runs. */
export async function drawChart(input: ChartInput, theme: ChartTheme, fitting: Fitting = {}): Promise<DrawnChart> {
  return withLocale(theme.locale, () => renderInLocale(input, theme, fitting));
}

async function renderInLocale(input: ChartInput, theme: ChartTheme, fitting: Fitting): Promise<DrawnChart> {
  const fonts = loadChartFonts(theme.fonts);
  const spec = normaliseStrings(input.spec) as Plain;
  const composite = isComposite(spec) && spec.width === undefined;
  const drawn = composite ? spec : fittedUnit(spec, theme);
  const chart = await withChartFonts(fonts, async () => {
    const pass = composite ? await fitToWidth(input, spec, theme, fitting) : await openPass(input, drawn, theme, theme.width);
    try {
      return await draw(pass, input, drawn, theme, fonts);
    } finally {
      pass.view.finalize();
    }
  });
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
 *
 * The chart is compiled and its view made once. Vega-Lite writes the cells' default width into the compiled spec as
 * the value of a signal or two (`child_width`); when compiling for another width changes nothing else
 * (`cellWidthSignals`), each correction sets those signals on the same view and runs it again, which draws what a
 * view made afresh for that width draws. Otherwise (or with `fitting.recompile`) each correction compiles the chart
 * again.
 */
async function fitToWidth(input: ChartInput, spec: Plain, theme: ChartTheme, fitting: Fitting): Promise<Pass> {
  const target = theme.width;
  const inner = (width: number) => Math.max(MIN_INNER_WIDTH, width);
  // Within a point of the column and never wider: a chart a fraction too wide would be drawn scaled down.
  const fits = (width: number) => width <= target && target - width < 1;
  let pass = await openPass(input, spec, theme, inner(target));
  try {
    const first = pass.width;
    if (fits(first)) return pass;
    const secondInner = target + target - first;
    const signals = fitting.recompile
      ? undefined
      : cellWidthSignals(pass.compiled, compileSpec(input, spec, themeConfig(theme, inner(secondInner)), recordingLogger()), inner(target), inner(secondInner));
    const widthAt = async (width: number): Promise<number> => {
      if (signals) {
        for (const name of signals) pass.view.signal(name, inner(width));
        // A view lays itself out once unless told to again, as a new view does on its first run.
        pass.view.resize();
        await run(pass, input);
      } else {
        const next = await openPass(input, spec, theme, inner(width));
        pass.view.finalize();
        pass = next;
      }
      return pass.width;
    };
    const second = await widthAt(secondInner);
    if (!fits(second) && second !== first) {
      const slope = (second - first) / (secondInner - target);
      const third = await widthAt(secondInner + (target - second) / slope);
      if (third > target) await widthAt(secondInner + (Math.floor(target) - second) / slope - 0.5);
    }
    return pass;
  } catch (e) {
    pass.view.finalize();
    throw e;
  }
}

/**
 * The signals that carry the cells' default width in a spec compiled for `width`, when the same spec compiled for
 * `other` (`otherSpec`) differs from it in their values alone; undefined when it differs in anything else.
 */
function cellWidthSignals(spec: vega.Spec, otherSpec: vega.Spec, width: number, other: number): string[] | undefined {
  const signals = spec.signals ?? [];
  const names = signals.filter((s) => 'value' in s && s.value === width && !('update' in s) && !('init' in s)).map((s) => s.name);
  if (names.length === 0) return undefined;
  const swapped = { ...spec, signals: signals.map((s) => (names.includes(s.name) ? { ...s, value: other } : s)) };
  return JSON.stringify(swapped) === JSON.stringify(otherSpec) ? names : undefined;
}

type Chart = Omit<DrawnChart, 'name'>;

/** A chart compiled, bound to its data and run, not yet drawn: its view, and the width it came to. */
interface Pass {
  view: vega.View;
  compiled: vega.Spec;
  log: RecordingLogger;
  refused: readonly string[];
  /** The log's entries made before the first run: those after them come from the last run alone. */
  before: number;
  width: number;
}

async function openPass(input: ChartInput, spec: Plain, theme: ChartTheme, innerWidth: number): Promise<Pass> {
  const log = recordingLogger();
  const compiled = compileSpec(input, spec, themeConfig(theme, innerWidth), log);
  const missing = externalDataNames(compiled).filter((name) => !(name in input.data));
  if (missing.length > 0) throw new ReviewError([message.unknownData(input, missing, Object.keys(input.data))]);

  const { loader, refused } = refusingLoader();
  const view = createView(input, bindData(compiled, input.data), loader, log);
  const pass: Pass = { view, compiled, log, refused, before: log.entries.length, width: 0 };
  try {
    await run(pass, input);
  } catch (e) {
    view.finalize();
    throw e;
  }
  return pass;
}

/** Runs the pass's view and reads the width it laid itself out at (that of the SVG it would write). */
async function run(pass: Pass, input: ChartInput): Promise<void> {
  pass.log.entries.length = pass.before;
  await pass.view.runAsync();
  failOnProblems(input, pass.refused, pass.log);
  // As Vega sizes the SVG: the view's width (not in its typings) and its padding, which it keeps as an object.
  const view = pass.view as vega.View & { _viewWidth: number };
  const padding = view.padding() as { left: number; right: number };
  pass.width = Math.max(0, view._viewWidth + padding.left + padding.right);
}

/** The pass's chart as SVG, with the warnings of its compilation and its last run. The caller finalises the view. */
async function draw(pass: Pass, input: ChartInput, spec: Plain, theme: ChartTheme, fonts: ChartFonts): Promise<Chart> {
  const { view, log } = pass;
  // The typings describe the scenegraph without its root group.
  const root = (view.scenegraph() as unknown as { root: unknown }).root;
  if (hasImages(root)) throw new ReviewError([message.imageMark(input)]);
  finishText(root, fonts, theme.fontFamily);
  // Clip and gradient ids count up per process; resetting them keeps equal charts byte-identical.
  vega.resetSVGDefIds();
  const svg = await view.toSVG();
  const warnings = log.entries.filter((entry) => !isAssumedSameSource(entry.message, spec) && !isOurFitY(entry.message, input));
  return { svg, ...svgSize(svg), warnings: warnings.map((entry) => message.vegaWarning(input, entry.message)) };
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

/** A spec compiled, with what Vega-Lite said while compiling it. */
interface Compiled {
  spec: vega.Spec;
  said: readonly LogEntry[];
}

/**
 * Specs compiled in this process, by the spec and the config: Vega-Lite compiles neither data (a chart's rows are
 * bound afterwards, `bindData`) nor anything but these two, so a chart drawn again for new rows, in another locale's
 * build or for another review in the same theme is not compiled again. Each caller gets a copy of its own, since
 * Vega may write into the spec it parses. The oldest entries go first.
 */
const compiledSpecs = new Map<string, Compiled>();
const COMPILED_REMEMBERED = 64;

/** Specs Vega-Lite compiled in this process so far: what the tests of `compiledSpecs` count. */
let compiles = 0;
export const specsCompiled = (): number => compiles;

function compileSpec(input: ChartInput, spec: Plain, config: Config, log: RecordingLogger): vega.Spec {
  const key = JSON.stringify([spec, config]);
  let compiled = compiledSpecs.get(key);
  if (!compiled) {
    const own = recordingLogger();
    compiled = { spec: compileAfresh(input, spec, config, own), said: own.entries };
    compiles++;
    remember(compiledSpecs, key, compiled, COMPILED_REMEMBERED);
  }
  log.entries.push(...compiled.said);
  return structuredClone(compiled.spec);
}

function compileAfresh(input: ChartInput, spec: Plain, config: Config, log: RecordingLogger): vega.Spec {
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
