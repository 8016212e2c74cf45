// A worker thread of the batch builder: builds the reports it is sent, one at a time, and answers with plain data.
// It stays warm between jobs (fonts parsed and vega loaded once per worker).
import { parentPort } from 'node:worker_threads';
import { buildReportToFile, pdfSize, type BuildFileOptions } from '../index.js';
import type { JobOutcome, WorkerRequest } from './batch.js';
import { toFailure } from './failure.js';
import { performance } from 'node:perf_hooks';

/** Builds one job and posts its outcome (a failure as plain data): nothing is thrown across the thread. */
async function build(request: WorkerRequest): Promise<void> {
  const started = performance.now();
  let outcome: JobOutcome;
  try {
    const r = await buildReportToFile(request.job satisfies BuildFileOptions);
    outcome = { ok: true, out: r.out, exportsDir: r.exportsDir, pages: r.layout.pages, bytes: pdfSize(r), warnings: r.warnings, ms: performance.now() - started };
  } catch (e) {
    outcome = { ok: false, failure: toFailure(e), ms: performance.now() - started };
  }
  parentPort?.postMessage({ index: request.index, outcome });
}

parentPort?.on('message', (request: WorkerRequest) => void build(request));
