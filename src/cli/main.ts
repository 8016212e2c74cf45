#!/usr/bin/env node
// The command line: parses argv, runs one command, prints, and sets the exit code. Nothing else does these.
import { parseArgs } from 'node:util';
import { formatDiagnostic, ReviewError } from '../errors.js';
import { UsageError, type Command } from './command.js';

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

/** Exit codes: 0 success, 1 bad input (located diagnostics), 2 wrong usage, 3 unexpected failure. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;


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
    if (e instanceof ReviewError) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`annual-review ${name}: failed with ${errors} error${errors === 1 ? '' : 's'}\n`);
      return EXIT.input;
    }
    const code = (e as { code?: string }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`annual-review ${name}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`annual-review ${name}: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

process.exitCode = await main(process.argv.slice(2));
