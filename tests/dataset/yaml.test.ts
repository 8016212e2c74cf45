// The YAML reader's limits: ordinary use of anchors works, bombs and absurd nesting are located errors, not crashes.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/yaml.js';
import { DEFAULT_LIMITS, limitsWith } from '../../src/input/limits.js';

const codes = (text: string, limits = DEFAULT_LIMITS) => parseYaml(text, 'x.yaml', limits).diagnostics.map((d) => d.code);

describe('parseYaml limits', () => {
  it('reads one anchor used 101 times (more than the yaml library allows by default)', () => {
    const text = `label: &l Ships\nitems:\n${Array.from({ length: 101 }, () => '  - *l').join('\n')}\n`;
    const parsed = parseYaml(text, 'x.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.value as { items: string[] }).items).toHaveLength(101);
  });

  it('refuses an alias bomb at its first alias, and reads it when the limit is raised enough', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcd'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`)];
    const text = `${levels.join('\n')}\n`;
    const parsed = parseYaml(text, 'x.yaml', limitsWith({ yamlAliases: 100 }));
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['dataset/yaml-aliases', 2, 8]]);
    expect(codes(text, limitsWith({ yamlAliases: 1_000_000 }))).toEqual([]);
  });

  it('tells nesting deeper than the limit, and nesting that overflows the parser, as too deep', () => {
    expect(codes(`k: ${'['.repeat(70)}${']'.repeat(70)}\n`)).toEqual(['dataset/yaml-depth']);
    expect(codes(`k: ${'['.repeat(70)}${']'.repeat(70)}\n`, limitsWith({ yamlDepth: 100 }))).toEqual([]);
    expect(codes(`k: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)).toEqual(['dataset/yaml-depth']);
  });

  it('refuses numbers too large to represent', () => {
    expect(codes('v: 1e309\n')).toEqual(['dataset/number-range']);
    expect(codes('v: -1e309\n')).toEqual(['dataset/number-range']);
  });
});

describe('parseYaml positions inside a string', () => {
  // Where a character of the value stands in the file: [line, column] of the first "X" of each value.
  const whereX = (text: string, path: string, value?: string) => {
    const parsed = parseYaml(text, 'x.yaml');
    const read = value ?? (parsed.value as Record<string, string>)[path]!;
    const at = parsed.positionIn(path, read, read.indexOf('X'));
    return [at?.line, at?.column];
  };

  it('finds a character in a literal block scalar, also on a line that repeats an earlier one', () => {
    expect(whereX('a: |  # a comment\n  same line\n  same line\n  and X\n', 'a')).toEqual([4, 7]);
    expect(whereX('a: |\n  X\n  X\n', 'a', 'X\nX\n'.replace('X', 'x'))).toEqual([3, 3]);
  });

  it('finds a character in a folded block scalar, whose lines the value joins', () => {
    expect(whereX('a: >\n  one\n  two\n\n  three X\n', 'a')).toEqual([5, 9]);
    expect(whereX('a: >-\n  one\n    more X\n', 'a')).toEqual([3, 10]);
  });

  it('finds a character in a plain scalar over two lines, and in a value normalised since it was read', () => {
    expect(whereX('a: one\n  two X\n', 'a')).toEqual([2, 7]);
    // "Cafe\u0301" in the file is "Café" in the value (NFC): one character fewer before the X.
    expect(whereX('a: |\n  Cafe\u0301 X\n', 'a', 'Caf\u00e9 X\n')).toEqual([2, 9]);
  });

  it('finds a character after the escapes of a quoted scalar, each of which writes one character', () => {
    expect(whereX('a: "tab\\there \\u00e9\\x41 X"\n', 'a')).toEqual([1, 26]);
    expect(whereX('a: "over \\\n  two lines X"\n', 'a')).toEqual([2, 13]);
    expect(whereX("a: 'it''s X'\n", 'a')).toEqual([1, 11]);
  });
});
