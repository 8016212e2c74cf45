// The command line: parses argv, runs one command, prints, and returns the exit code. Nothing else does these.
// main.ts runs it as the program; tests call it in-process.
import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf, formatFailure, toFailure } from './failure.js';
import { commands, USAGE } from './registry.js';

/** Runs the command named by `argv` (the arguments after the program's name) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`annual-review: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  const debug = rest.includes('--debug');
  try {
    const command = await load();
    const { values, positionals } = parseArgs({ args: rest.filter((a) => a !== '--debug'), options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(USAGE);
      return EXIT.ok;
    }
    return await command.run(values, positionals);
  } catch (e) {
    const failure = toFailure(e);
    process.stderr.write(formatFailure(failure, `annual-review ${name}`, debug));
    return exitCodeOf(failure);
  }
}
