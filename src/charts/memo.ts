// Which charts are drawn, and where: the charts already drawn in this process are served again, then those kept in
// the cache folder (cache.ts); the others are drawn one at a time, here or, with a time limit, on the chart thread
// (bounded.ts). Loads vega only to draw.
import { chartKey, describeChart, keep, readKept } from './cache.js';
import { remember } from '../output/index.js';
import { drawn, REMEMBERED } from './drawn.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

export { forgetDrawnCharts } from './drawn.js';

/** Vega keeps its text metrics in a global: renders run one at a time so each measures in its own fonts. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * A chart drawn from its spec and data, or served from the charts already drawn, in this process or, with
 * `cacheDir`, in an earlier one. With `seconds`, it is drawn on a worker thread stopped after that long
 * (chart/timeout); without, in this thread.
 */
export function renderChart(input: ChartInput, theme: ChartTheme, seconds?: number, cacheDir?: string): Promise<DrawnChart> {
  const key = describeChart(input, theme);
  const hit = drawn.get(key);
  if (hit) return hit;
  const kept = cacheDir === undefined ? undefined : { dir: cacheDir, key: chartKey(input, theme, key) };
  const run = queue.then(async () => {
    const found = kept && readKept(kept.dir, kept.key);
    if (found) return found;
    const chart = await (seconds === undefined ? (await import('./render.js')).drawChart(input, theme) : (await import('./bounded.js')).drawWithin(input, theme, seconds));
    if (kept) keep(kept.dir, kept.key, chart);
    return chart;
  });
  queue = run.catch(() => undefined);
  remember(drawn, key, run, REMEMBERED);
  run.catch(() => drawn.delete(key));
  return run;
}
