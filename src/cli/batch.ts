// Several reports in one command: a pool of worker threads (one per core, at most one per report) builds them in
// parallel. A failed report is reported with its diagnostics and sets the exit code; the others still finish.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { displayPath } from '../input/paths.js';
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import { pdfPathFor, type BuildFileOptions } from '../index.js';
import { UsageError } from './command.js';
import { EXIT, exitCodeOf, failureSummary, formatFailure, toFailure, type Failure } from './failure.js';
import { createProgress } from './progress.js';

export interface WorkerRequest {
  index: number;
  job: BuildFileOptions;
}

export type JobOutcome = { ok: true; out: string; exportsDir: string; pages: number; bytes: number; warnings: Diagnostic[]; ms: number } | { ok: false; failure: Failure; ms: number };

/** How a job is named on screen: its dataset folder and locale. */
export const jobLabel = (job: BuildFileOptions) => `${displayPath(job.data)}${job.locale ? ` [${job.locale}]` : ''}`;

function describe(outcome: JobOutcome): string {
  const s = `${(outcome.ms / 1000).toFixed(2)} s`;
  if (outcome.ok) return `wrote ${displayPath(outcome.out)} (${outcome.pages} pages, ${Math.round(outcome.bytes / 1024)} KB) in ${s}`;
  return `${failureSummary(outcome.failure)} in ${s}`;
}

/**
 * Two reports must not write the same file: reviews are named by the id in review.yaml, which a copied dataset keeps.
 * Only the id is read here; a dataset whose review.yaml cannot be read is left for its build to report.
 */
function checkDistinctOutputs(jobs: readonly BuildFileOptions[]): void {
  const seen = new Map<string, BuildFileOptions>();
  for (const job of jobs) {
    let id: unknown;
    try {
      id = (parse(readFileSync(join(job.data, 'review.yaml'), 'utf8')) as { id?: unknown } | null)?.id;
    } catch {
      continue;
    }
    if (typeof id !== 'string') continue;
    const out = pdfPathFor(id, job);
    const other = seen.get(out);
    if (other) throw new UsageError(`${jobLabel(other)} and ${jobLabel(job)} would both write ${displayPath(out)}: give the reviews different ids in review.yaml`);
    seen.set(out, job);
  }
}

/** Builds every job; resolves to the exit code (the worst of the jobs'). */
export async function buildBatch(jobs: readonly BuildFileOptions[]): Promise<number> {
  checkDistinctOutputs(jobs);
  const progress = createProgress(jobs.map(jobLabel), process.stdout);
  const outcomes: JobOutcome[] = [];
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length));
  let next = 0;

  const finished = (index: number, outcome: JobOutcome) => {
    outcomes[index] = outcome;
    const job = jobs[index]!;
    const details = outcome.ok ? outcome.warnings.map((w) => `${formatDiagnostic(w)}\n`).join('') : formatFailure(outcome.failure, `annual-review build ${jobLabel(job)}`);
    progress.update(index, outcome.ok ? 'done' : 'failed', describe(outcome), details);
  };

  // Each worker takes the next job when it finishes one. A worker that dies fails its job and is replaced.
  await new Promise<void>((allDone) => {
    let live = 0;
    const start = () => {
      live++;
      let current: number | undefined;
      const worker = new Worker(new URL('./batch-worker.js', import.meta.url));
      const send = () => {
        current = next < jobs.length ? next++ : undefined;
        if (current === undefined) {
          void worker.terminate();
          if (--live === 0) allDone();
          return;
        }
        progress.update(current, 'building');
        worker.postMessage({ index: current, job: jobs[current]! } satisfies WorkerRequest);
      };
      worker.on('message', ({ index, outcome }: { index: number; outcome: JobOutcome }) => {
        finished(index, outcome);
        send();
      });
      worker.on('error', (e) => {
        if (current !== undefined) finished(current, { ok: false, failure: toFailure(e), ms: 0 });
        current = undefined;
        live--;
        start();
      });
      send();
    };
    for (let i = 0; i < size; i++) start();
  });
  progress.end();
  const failed = outcomes.filter((o) => !o.ok).length;
  process.stdout.write(`${jobs.length - failed} of ${jobs.length} reports written${failed ? `, ${failed} failed` : ''}\n`);
  return outcomes.reduce<number>((code, o) => Math.max(code, o.ok ? EXIT.ok : exitCodeOf(o.failure)), EXIT.ok);
}
