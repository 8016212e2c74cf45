// The command line reference cannot drift silently: every command and every option it accepts is in the help text
// and in its section of docs/cli.md, and so is every exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/failure.js';
import { commands, USAGE } from '../../src/cli/registry.js';
import { packageRoot } from '../../src/paths.js';

const doc = readFileSync(join(packageRoot, 'docs', 'cli.md'), 'utf8');

/** The text of a command's section: from its heading to the next heading of the same level. */
function section(name: string): string | undefined {
  const start = doc.indexOf(`\n## \`annual-review ${name}\``);
  if (start < 0) return undefined;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** A command's lines in the help: its own line and the indented lines that continue it. */
function usageOf(name: string): string {
  const lines = USAGE.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`  ${name} `));
  if (first < 0) return '';
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((l) => !/^ {4,}\S/.test(l));
  return [lines[first], ...rest.slice(0, end < 0 ? undefined : end)].join('\n');
}

describe('docs/cli.md and the help text', () => {
  for (const [name, load] of Object.entries(commands)) {
    it(`describe every option of ${name}`, async () => {
      const text = section(name);
      expect(text, `docs/cli.md has no section for ${name}`).toBeDefined();
      const usage = usageOf(name);
      expect(usage, `the help has no line for ${name}`).not.toBe('');
      const options = Object.keys((await load()).options);
      for (const option of options) {
        expect(text, `--${option} of ${name} in docs/cli.md`).toMatch(new RegExp(`\`--${option}[ \`]`));
        expect(usage, `--${option} of ${name} in the help`).toMatch(new RegExp(`--${option}(?![\\w-])`));
      }
    });
  }

  it('lists every exit code', () => {
    for (const code of Object.values(EXIT)) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
