// The command line prints no colour, so NO_COLOR and FORCE_COLOR have nothing to turn off or on (docs/cli.md says
// so). Colour added to src/ fails here: it must come with NO_COLOR, FORCE_COLOR and a --color option.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
/** An SGR escape (`ESC [ … m`, colour and text attributes) as written in a TypeScript string: \x1b, \u001b or \033. */
const SGR = /(\\x1b|\\u001b|\\033|\u001b)\[[\d;]*m/i;

describe('colour in the command line', () => {
  it('is nowhere in src/', () => {
    const coloured = sources(join(packageRoot, 'src')).filter((f) => SGR.test(readFileSync(f, 'utf8')));
    expect(coloured.map((f) => relative(packageRoot, f))).toEqual([]);
  });

  it('would be found: the check sees an escape as the sources write it', () => {
    expect(SGR.test("out.write('\\x1b[31mred\\x1b[0m')")).toBe(true);
    expect(SGR.test('out.write(`\\x1b[${drawn}A`)')).toBe(false);
  });
});
