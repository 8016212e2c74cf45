// What a command is, shared by the entry point and the commands (kept apart from main.ts, which runs on import).
import type { ParseArgsConfig } from 'node:util';

/** Wrong usage: exit code 2. */
export class UsageError extends Error {}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}
