// What a command is, shared by the entry point and the commands (kept apart from cli.ts, which imports the registry of commands).
import type { ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { defaultDataDir } from '../input/paths.js';

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
  return given
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A path as it can be pasted into a shell. */
export const shellWord = (path: string) => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);

/**
 * The dataset folder of a command that reads one, given as `annual-review CMD [DATA]` or `--data DIR` (not both), resolved;
 * the bundled sample when neither is given. Any further positional argument is wrong usage.
 */
export function dataDirOf(values: OptionValues, positionals: readonly string[]): string {
  const [given, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((a) => `"${a}"`).join(' ')}: give one dataset folder`);
  const option = optionList(values.data);
  if (given !== undefined && option.length) throw new UsageError(`give the dataset folder as an argument or with --data, not both`);
  if (option.length > 1) throw new UsageError('--data takes one folder here');
  return resolve(given ?? option[0] ?? defaultDataDir);
}
