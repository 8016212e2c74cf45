// Charts drawn within a time limit: on a worker thread, stopped when the limit passes (a spec can ask Vega for
// unbounded work from a few rows, e.g. a million axis ticks). One thread serves every chart of the process and is
// started again after a stop. The thread runs the compiled module beside this one; run from the sources (tests), the
// compiled package's (dist/, which the tests build when it is stale).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReviewError, type Diagnostic } from '../errors.js';
import { packageRoot } from '../input/paths.js';
import { timeout } from './messages.js';
import type { ChartInput, ChartTheme, DrawnChart } from './types.js';

type Reply = { id: number; chart?: DrawnChart; diagnostics?: Diagnostic[]; failure?: string };

let worker: Worker | undefined;
let next = 0;
/** Charts being drawn, by id: the thread drawing each, and where its answer goes. */
const waiting = new Map<number, { thread: Worker; answer: (reply: Reply) => void }>();

function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot, 'dist', 'charts', 'worker.js');
}

/** Forgets a thread that failed or is being stopped, so the next chart starts a new one, and answers what it owed. */
function drop(thread: Worker, failure: string): void {
  if (worker === thread) worker = undefined;
  for (const [id, job] of waiting) if (job.thread === thread) job.answer({ id, failure });
}

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(workerFile());
  started.on('message', (reply: Reply) => waiting.get(reply.id)?.answer(reply));
  started.on('error', (e) => drop(started, e.stack ?? e.message));
  started.on('exit', (code) => drop(started, `the chart thread stopped (exit code ${code})`));
  // An idle thread keeps no process alive; one drawing does (below).
  started.unref();
  return (worker = started);
}

/** Draws one chart on the thread, stopping it after `seconds`; the same result as drawing in this thread. */
export function drawWithin(input: ChartInput, theme: ChartTheme, seconds: number): Promise<DrawnChart> {
  const id = ++next;
  const drawing = thread();
  drawing.ref();
  return new Promise<Reply>((answer) => {
    const timer = setTimeout(() => {
      answer({ id, diagnostics: [timeout(input, seconds)] });
      drop(drawing, 'stopped');
      void drawing.terminate();
    }, seconds * 1000);
    waiting.set(id, {
      thread: drawing,
      answer: (reply) => {
        clearTimeout(timer);
        answer(reply);
      },
    });
    drawing.postMessage({ id, input, theme });
  }).then((reply) => {
    waiting.delete(id);
    if (worker === drawing && ![...waiting.values()].some((job) => job.thread === drawing)) drawing.unref();
    if (reply.chart) return reply.chart;
    if (reply.diagnostics) throw new ReviewError(reply.diagnostics);
    throw new Error(`the chart thread failed: ${reply.failure}`);
  });
}
