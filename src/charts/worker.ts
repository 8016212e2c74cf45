// The thread a chart is drawn on when its time is bounded (src/charts/bounded.ts): Vega's evaluation is synchronous,
// so only a thread that can be stopped from outside bounds it. Draws each chart it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { ReviewError } from '../errors.js';
import { drawChart } from './render.js';
import type { ChartInput, ChartTheme } from './types.js';

parentPort!.on('message', (job: { id: number; input: ChartInput; theme: ChartTheme }) => {
  drawChart(job.input, job.theme).then(
    (chart) => parentPort!.postMessage({ id: job.id, chart }),
    (e: unknown) => parentPort!.postMessage(e instanceof ReviewError ? { id: job.id, diagnostics: e.diagnostics } : { id: job.id, failure: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
