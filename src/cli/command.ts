// What a command is, shared by the entry point and the commands (kept apart from cli.ts, which imports the registry of commands).
import type { ParseArgsConfig } from 'node:util';

/** Wrong usage: exit code 2. */
export class UsageError extends Error {}

/** Option values as node:util parseArgs returns them (lists for options declared `multiple`). */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** The strings given for an option declared `multiple`, each split at commas ("--locale en,vi --locale fr"). */
export function optionList(value: OptionValues[string]): string[] {
  const given = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return given.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A path as it can be pasted into a shell. */
export const shellWord = (path: string) => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);
