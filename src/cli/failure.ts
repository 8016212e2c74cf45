// How a failed command or build job is told to the user, and the exit code it gives: one place for the CLI, the
// watcher and the batch builder.
import { formatDiagnostic, ReviewError, type Diagnostic } from '../errors.js';
import { UsageError } from './command.js';

/** Exit codes: 0 success, 1 bad input (located diagnostics), 2 wrong usage, 3 unexpected failure. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** A failure as plain data, so that it can cross from a worker thread. */
export type Failure = { kind: 'input'; diagnostics: Diagnostic[] } | { kind: 'usage'; message: string } | { kind: 'internal'; message: string };

export function toFailure(e: unknown): Failure {
  if (e instanceof ReviewError) return { kind: 'input', diagnostics: [...e.diagnostics] };
  const code = (e as { code?: string }).code;
  if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) return { kind: 'usage', message: (e as Error).message };
  return { kind: 'internal', message: `unexpected failure: ${(e as Error).stack ?? String(e)}` };
}

export const exitCodeOf = (f: Failure) => EXIT[f.kind];

/** "failed with 2 errors", or how else it failed. */
export function failureSummary(f: Failure): string {
  if (f.kind === 'internal') return 'failed unexpectedly';
  if (f.kind === 'usage') return `wrong usage: ${f.message}`;
  const errors = f.diagnostics.filter((d) => d.severity === 'error').length;
  return `failed with ${errors} error${errors === 1 ? '' : 's'}`;
}

/** What to print for a failure, each line ending in a newline; `label` names the command or job ("annual-review build"). */
export function formatFailure(f: Failure, label: string): string {
  if (f.kind !== 'input') return `${label}: ${f.message}\n`;
  return `${f.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('')}${label}: ${failureSummary(f)}\n`;
}
