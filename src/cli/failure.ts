// How a failed command or build job is told to the user, and the exit code it gives: one place for the CLI, the
// watcher and the batch builder.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic, ReviewError, type Diagnostic } from '../errors.js';
import { UsageError } from './command.js';

/** Exit codes: 0 success, 1 bad input (located diagnostics), 2 wrong usage, 3 unexpected failure. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** A failure as plain data, so that it can cross from a worker thread. */
export type Failure = { kind: 'input'; diagnostics: Diagnostic[] } | { kind: 'usage'; message: string } | { kind: 'internal'; message: string; stack: string };

export function toFailure(e: unknown): Failure {
  if (e instanceof ReviewError) return { kind: 'input', diagnostics: [...e.diagnostics] };
  const code = (e as { code?: string }).code;
  if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) return { kind: 'usage', message: (e as Error).message };
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return { kind: 'internal', message: `unexpected failure: ${message}`, stack: (e instanceof Error && e.stack) || String(e) };
}

export const exitCodeOf = (f: Failure) => EXIT[f.kind];

/** "failed with 2 errors", or how else it failed. */
export function failureSummary(f: Failure): string {
  if (f.kind === 'internal') return 'failed unexpectedly';
  if (f.kind === 'usage') return `wrong usage: ${f.message}`;
  const errors = f.diagnostics.filter((d) => d.severity === 'error').length;
  return `failed with ${errors} error${errors === 1 ? '' : 's'}`;
}

/** Writes a bug's details to a log file and returns its path, or undefined when it cannot be written. */
function writeBugLog(f: Extract<Failure, { kind: 'internal' }>, label: string): string | undefined {
  const path = join(tmpdir(), `annual-review-${process.pid}.log`);
  try {
    writeFileSync(path, `${label}: ${f.message}\nnode ${process.version} ${process.platform}-${process.arch}\n\n${f.stack}\n`);
    return path;
  } catch {
    return undefined;
  }
}

/**
 * What to print for a failure, each line ending in a newline; `label` names the command or job ("annual-review
 * build"). A bug is one short line and the log file holding its stack; `debug` prints the stack instead.
 */
export function formatFailure(f: Failure, label: string, debug = false): string {
  if (f.kind === 'usage') return `${label}: ${f.message}\n`;
  if (f.kind === 'internal') {
    const log = debug ? undefined : writeBugLog(f, label);
    const details = log ? `the details are in ${log} (please report it; --debug prints them here)` : f.stack;
    return `${label}: ${f.message}\n${label}: this is a bug in annual-review, not a problem with the input; ${details}\n`;
  }
  return `${f.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('')}${label}: ${failureSummary(f)}\n`;
}
