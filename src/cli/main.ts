#!/usr/bin/env node
// The command line: parses argv, runs one command, prints, and sets the exit code. Nothing else does these.
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { EXIT, exitCodeOf, formatFailure, toFailure } from './failure.js';

const USAGE = `Usage: annual-review <command> [options]

Commands:
  build          Build the review PDF and its exports
                 [--data DIR] [--template DIR] [--out FILE] [--locale en]
  validate       Check a dataset against its schema and references   [--data DIR]
  verify         Check every claim's quote against the source texts  [--data DIR] --sources DIR
  discrepancies  List the discrepancies between sources              [--data DIR] [--format table|json|csv]
  extract        Propose claim stubs for the numbers in an article   ARTICLE.txt --source ID

Options:
  -h, --help     Show this help
`;

const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).build,
  validate: async () => (await import('./commands/validate.js')).validate,
  verify: async () => (await import('./commands/verify.js')).verify,
  discrepancies: async () => (await import('./commands/discrepancies.js')).discrepancies,
  extract: async () => (await import('./commands/extract.js')).extract,
  init: async () => (await import('./commands/init.js')).init,
};

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
  try {
    const command = await load();
    const { values, positionals } = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(USAGE);
      return EXIT.ok;
    }
    return await command.run(values, positionals);
  } catch (e) {
    const failure = toFailure(e);
    process.stderr.write(formatFailure(failure, `annual-review ${name}`));
    return exitCodeOf(failure);
  }
}

process.exitCode = await main(process.argv.slice(2));
