// The chart stage's sandbox: a loader that refuses every fetch and a logger that records instead of printing.
import type { Loader, LoggerInterface } from 'vega';

/** A loader that fetches nothing and remembers what was asked, since Vega only logs a refused load. */
export interface RefusingLoader {
  loader: Loader;
  refused: string[];
}

export function refusingLoader(): RefusingLoader {
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`loading is disabled: ${uri}`));
  };
  return { loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse }, refused };
}

export interface LogEntry {
  level: 'error' | 'warn';
  message: string;
}

/** A logger for Vega and Vega-Lite that keeps errors and warnings as values and prints nothing. */
export interface RecordingLogger {
  logger: LoggerInterface;
  entries: LogEntry[];
}

const WARN_LEVEL = 2;

export function recordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level'], args: unknown[]) => entries.push({ level, message: args.map(logText).join(' ') });
  const logger: LoggerInterface = {
    level(...args: [number?]) {
      return args.length > 0 ? logger : WARN_LEVEL;
    },
    error(...args: unknown[]) {
      record('error', args);
      return this;
    },
    warn(...args: unknown[]) {
      record('warn', args);
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
  };
  return { logger, entries };
}

function logText(arg: unknown): string {
  if (arg instanceof Error) return arg.message;
  return typeof arg === 'string' ? arg : JSON.stringify(arg);
}
