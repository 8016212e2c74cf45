// The command line: parses argv, runs one command, prints, and returns the exit code. Nothing else does these.
// main.ts runs it as the program; tests call it in-process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../input/paths.js';
import { closest } from '../text/suggest.js';
import type { Command } from './command.js';
import { EXIT, exitCodeOf, formatFailure, toFailure } from './failure.js';
import { commandHelp, commands, USAGE } from './registry.js';

const version = () => (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** " (did you mean "x"?)" when a known name is close to the one given, else "". */
const didYouMean = (given: string, known: Iterable<string>, prefix = '') => {
  const near = closest(given, known);
  return near === undefined ? '' : ` (did you mean "${prefix}${near}"?)`;
};

/** parseArgs's "Unknown option '--dta'" with the closest option of the command. */
function withSuggestion(e: unknown, command: Command): unknown {
  const code = (e as { code?: string }).code;
  const given = /'--([^'=]+)'/.exec((e as Error).message)?.[1];
  if (code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || given === undefined) return e;
  const hint = didYouMean(given, Object.keys(command.options), '--');
  return hint ? Object.assign(new Error(`${(e as Error).message}${hint}`), { code }) : e;
}

/** Runs the command named by `argv` (the arguments after the program's name) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`annual-review ${version()}\n`);
    return EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`annual-review: unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const debug = rest.includes('--debug');
  try {
    const command = await load();
    const options = { ...command.options, help: { type: 'boolean', short: 'h' } } as const;
    let parsed;
    try {
      parsed = parseArgs({ args: rest.filter((a) => a !== '--debug'), options, allowPositionals: true, strict: true });
    } catch (e) {
      throw withSuggestion(e, command);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      process.stdout.write(commandHelp(name));
      return EXIT.ok;
    }
    return await command.run(values, positionals);
  } catch (e) {
    const failure = toFailure(e);
    process.stderr.write(formatFailure(failure, `annual-review ${name}`, debug));
    return exitCodeOf(failure);
  }
}
