// Charts kept on disk between runs: a folder of drawn charts, each under a hash of everything that decides its
// drawing (spec, data, theme, the bytes of its fonts, the versions of Vega and Vega-Lite and the code that draws).
// A chart whose inputs have not changed is read back instead of drawn, like Typst's and Quarto's frozen results.
// The folder can be deleted at any time; an entry that cannot be read is drawn again and written anew.
import { join } from 'node:path';
import { fontFileHash } from '../fonts/index.js';
import { codeIdentity } from '../input/paths.js';
import { keepInCache, readCacheEntry, sha256 } from '../output/index.js';
import { chartDataNames } from './describe.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

/** Raised when the entries' format changes, so that no older entry is read as a newer one. */
const FORMAT = 1;

/** The drawing code and its libraries: a change to either draws every chart afresh. */
function drawerIdentity(): string {
  // The chart stage's own code and the font metrics it measures text with (in the bundled CLI, the bundle).
  return codeIdentity(['vega', 'vega-lite'], [new URL('./', import.meta.url), new URL('../fonts/', import.meta.url)]);
}

/**
 * Everything of a chart's input and theme that decides its drawing, as one text (also the memory's key, memo.ts): of
 * the data, the names given (a message about an unknown one lists them) and the datasets the spec names, so that a
 * change to data the chart does not read neither redraws it nor costs its key the text of every dataset.
 */
export function describeChart(input: ChartInput, theme: ChartTheme): string {
  const read = Object.fromEntries(chartDataNames(input.spec).map((name) => [name, input.data[name]]));
  return JSON.stringify([input.name, input.file, input.spec, Object.keys(input.data), read, theme]);
}

/** The entry's name: a hash of the chart's input and theme, the bytes of the theme's fonts, and the drawer. */
export function chartKey(input: ChartInput, theme: ChartTheme, described = describeChart(input, theme)): string {
  return sha256(`${FORMAT}\n${drawerIdentity()}\n${fontFileHash(theme.fonts.regular)} ${fontFileHash(theme.fonts.bold)}\n${described}`);
}

const entryPath = (dir: string, key: string) => join(dir, 'charts', key.slice(0, 2), `${key}.json`);

/** The chart kept under `key`, or undefined when there is none or it cannot be read whole. */
export function readKept(dir: string, key: string): DrawnChart | undefined {
  const entry = readCacheEntry(entryPath(dir, key), key) as (Partial<DrawnChart> & { key: string }) | undefined;
  const whole = entry && typeof entry.svg === 'string' && typeof entry.width === 'number' && typeof entry.height === 'number' && Array.isArray(entry.warnings);
  return whole ? { name: entry.name!, svg: entry.svg!, width: entry.width!, height: entry.height!, warnings: entry.warnings! } : undefined;
}

/** Keeps a drawn chart under `key`; a folder that cannot be written leaves the chart drawn but not kept. */
export function keep(dir: string, key: string, chart: DrawnChart): void {
  keepInCache(entryPath(dir, key), JSON.stringify({ key, ...chart }));
}
