// The task a chart is drawn by when its time is bounded (src/charts/bounded.ts runs it on the pool's thread): Vega's
// evaluation is synchronous, so only a thread that can be stopped from outside bounds it. A problem with the chart
// comes back as its diagnostics (a ReviewError's own fields do not cross the thread); anything else is thrown.
import { ReviewError, type Diagnostic } from '../errors.js';
import { drawChart } from './render.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

export interface ChartJob {
  input: ChartInput;
  theme: ChartTheme;
}

export type ChartReply = { chart: DrawnChart } | { diagnostics: readonly Diagnostic[] };

export default async function draw(job: ChartJob): Promise<ChartReply> {
  try {
    return { chart: await drawChart(job.input, job.theme) };
  } catch (e) {
    if (e instanceof ReviewError) return { diagnostics: e.diagnostics };
    throw e;
  }
}
