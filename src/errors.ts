// Diagnostics: errors and warnings as values with a location. Every stage returns or throws these, never bare strings.

/** A place in a file the user wrote. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Location {
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside the dataset, e.g. "claims[12].source". */
  path?: string;
}

export interface Diagnostic extends Location {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. "dataset/unknown-source". */
  code: string;
  message: string;
  hint?: string;
}

/** `file:line:column: path: message` — the one format every diagnostic is printed in. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(':');
  const parts = [where, d.path, d.message].filter((x) => x !== undefined && x !== '');
  const text = parts.join(': ');
  const prefixed = d.severity === 'warning' ? `warning: ${text}` : text;
  return d.hint ? `${prefixed} (${d.hint})` : prefixed;
}

/** Thrown when a stage cannot go on; carries every diagnostic collected so far. */
export class ReviewError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ReviewError';
    this.diagnostics = diagnostics;
  }
}

export function error(code: string, message: string, at: Location = {}, hint?: string): Diagnostic {
  return { severity: 'error', code, message, ...at, ...(hint ? { hint } : {}) };
}

export function warning(code: string, message: string, at: Location = {}, hint?: string): Diagnostic {
  return { severity: 'warning', code, message, ...at, ...(hint ? { hint } : {}) };
}

/** Throws a ReviewError when any diagnostic is an error; returns the warnings otherwise. */
export function failOnErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (diagnostics.some((d) => d.severity === 'error')) throw new ReviewError(diagnostics);
  return diagnostics.filter((d) => d.severity === 'warning');
}
