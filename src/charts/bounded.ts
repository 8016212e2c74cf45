// Charts drawn within a time limit: on a worker thread of a one-thread pool (piscina), stopped when the limit passes (a
// spec can ask Vega for unbounded work from a few rows, e.g. a million axis ticks). Aborting a running task ends its
// thread; the pool starts another for the next chart. The thread runs the compiled module beside this one; run from
// the sources (tests), the compiled package's (dist/, which the tests build when it is stale).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { ReviewError } from '../errors.js';
import { packageRoot } from '../input/paths.js';
import { timeout } from './messages.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';
import type { ChartJob, ChartReply } from './worker.js';

let pool: Piscina<ChartJob, ChartReply> | undefined;

function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot, 'dist', 'charts', 'worker.js');
}

/** Draws one chart on the chart thread, stopping it after `seconds`; the same result as drawing in this thread. */
export async function drawWithin(input: ChartInput, theme: ChartTheme, seconds: number): Promise<DrawnChart> {
  // An idle thread keeps no process alive, and ends after a while.
  pool ??= new Piscina<ChartJob, ChartReply>({ filename: pathToFileURL(workerFile()).href, minThreads: 0, maxThreads: 1, idleTimeout: 5_000 });
  let reply: ChartReply;
  try {
    reply = await pool.run({ input, theme }, { signal: AbortSignal.timeout(seconds * 1000) });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new ReviewError([timeout(input, seconds)]);
    throw new Error(`the chart thread failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  if ('chart' in reply) return reply.chart;
  throw new ReviewError(reply.diagnostics);
}
