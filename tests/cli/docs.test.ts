// The command line reference cannot drift silently: every command and every option it accepts is in the help text
// and in its section of docs/cli.md, and so is every exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/failure.js';
import { commands, usageOf } from '../../src/cli/registry.js';
import { packageRoot } from '../../src/input/paths.js';

const doc = readFileSync(join(packageRoot, 'docs', 'cli.md'), 'utf8');

/** The text of a command's section: from its heading to the next heading of the same level. */
function section(name: string): string | undefined {
  const start = doc.indexOf(`\n## \`annual-review ${name}\``);
  if (start < 0) return undefined;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
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
