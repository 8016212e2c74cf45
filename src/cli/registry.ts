// The commands and the help text, kept side by side so that they are changed together (tests/cli/docs.test.ts checks
// that every option a command accepts is in the help and in docs/cli.md). Commands load only when run.
import type { Command } from './command.js';

export const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).build,
  preview: async () => (await import('./commands/preview.js')).preview,
  validate: async () => (await import('./commands/validate.js')).validate,
  verify: async () => (await import('./commands/verify.js')).verify,
  discrepancies: async () => (await import('./commands/discrepancies.js')).discrepancies,
  extract: async () => (await import('./commands/extract.js')).extract,
  init: async () => (await import('./commands/init.js')).init,
  new: async () => (await import('./commands/new.js')).newDataset,
  'extract-data': async () => (await import('./commands/extract-data.js')).extractData,
};

export const USAGE = `Usage: annual-review <command> [options]

Commands:
  build          Build the review PDF and its exports
                 [DATA | --data DIR…] [--template DIR] [--locale LOCALE[,LOCALE…]]…
                 [-o|--out FILE | -o - (PDF to stdout) | --out-dir DIR] [--no-exports]
                 [--page-size a4|letter] [--png] [--watch] [-q|--quiet]
                 [--limit NAME=N]… (raise an input limit, see docs/errors.md)
                 [--pdf-standard a-3b|a-2b|none] [--csv-delimiter CHAR] [--emit-markdown FILE]
                 [--cache-dir DIR | --no-cache] (charts kept between runs, see docs/cli.md)
                 several --data or --locale values build every combination in parallel
  preview        Show the review in the browser, rebuilt and reloaded on every change
                 [DATA | --data DIR] [--template DIR] [--locale LOCALE] [--page-size a4|letter]
                 [--pdf-standard a-3b|a-2b|none] [--limit NAME=N]… [--cache-dir DIR | --no-cache]
                 [--port N] [--no-open]
  validate       Check a dataset against its schema and references   [DATA | --data DIR] [--json]
  verify         Check every claim's quote against the source texts  [DATA | --data DIR] --sources DIR
  discrepancies  List the discrepancies between sources              [DATA | --data DIR] [--format table|json|csv]
  extract        Propose claim stubs for the numbers in an article   ARTICLE.txt --source ID
  extract-data   Write the data files a review PDF carries inside     REVIEW.pdf [--out DIR]
  init           Start a template of your own                        DIR [PARTIAL…] [--partial NAME]… [--full] [--force]
  new            Start the dataset of a new review                   DIR [--year YYYY] [--force]

DATA is a dataset folder (one with review.yaml); the bundled sample when none is given.

Options:
  -h, --help     Show this help (annual-review COMMAND --help: that command's)
  --version      Print the version
  --debug        On an unexpected failure, print its details instead of writing them to a log file

Exit codes: 0 success, 1 bad input (located errors), 2 wrong usage, 3 unexpected failure.
See docs/cli.md for every option, with examples.
`;

/** A command's lines in the help: its own line and the indented lines that continue it ("" for no such command). */
export function usageOf(name: string): string {
  const lines = USAGE.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`  ${name} `));
  if (first < 0) return '';
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((l) => !/^ {4,}\S/.test(l));
  return [lines[first], ...rest.slice(0, end < 0 ? undefined : end)].join('\n');
}

/** `annual-review CMD --help`: that command's lines of the help, and where to read more. */
export const commandHelp = (name: string) =>
  `Usage: annual-review ${name} [options]\n\n${usageOf(name)}\n\nOptions:\n  -h, --help     Show this help\n\nSee docs/cli.md#annual-review-${name} for every option, with examples.\n`;
