// Markdown parsed a stretch at a time gives the tree the whole text gives, positions included: on every example
// review's Markdown, on texts made to carry a construct across a blank line, and on texts put together at random
// from such pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTAINLY_OPENING, parseInStretches, STRETCH_CHARS, stretchesOf } from '../../src/markup/chunks.js';
import { parseWhole } from '../../src/markup/index.js';
import { EXAMPLE_REVIEWS, exampleBuild } from '../support.js';

// Stretches of any length (a build's are of 16 KB at least, STRETCH_CHARS), so that short texts are split too.
const sameTree = (markdown: string, least = 0) => expect(parseInStretches(markdown, parseWhole, least)).toEqual(parseWhole(markdown));
const stretches = (markdown: string, least = 0) => stretchesOf(markdown, parseWhole, least).length;

describe('Markdown parsed a stretch at a time', () => {
  it.each(EXAMPLE_REVIEWS)('gives the whole tree of the %s review (%s) from many stretches', async (name, locale) => {
    const { markdown } = await exampleBuild(name, locale);
    const text = markdown.normalize('NFC');
    expect(stretches(text)).toBeGreaterThan(20);
    sameTree(text);
    // As a build splits it: in stretches of STRETCH_CHARS or more.
    const least = STRETCH_CHARS / 4;
    const built = stretchesOf(text, parseWhole, least);
    expect(built.length).toBeGreaterThan(1);
    expect(built.slice(0, -1).every((s) => s.text.length >= least)).toBe(true);
    sameTree(text, least);
  });

  it.each([
    ['a list, then a paragraph after a blank line', '- a\n\n  b\n- c\n\nd\n\ne', 3],
    ['a block quote, then a paragraph', '> a\n\n> b\n\nc', 2],
    ['a lazy line under a list item', '- a\nb\n\nc', 2],
    ['a table, then a heading', '| a | b |\n|---|---|\n| 1 | 2 |\n\n# T\n\nx', 3],
    ['indented code, then a paragraph', 'p\n\n    code\n\n    more\n\nq', 2],
    ['a container holding blank lines', ':::note\na\n\nb\n:::\n\nc', 2],
    ['a container opened by a fence of four colons, which three do not close', '::::note\na\n\n:::\n\nb\n::::\n\nc', 2],
    ['a container inside another, closed by the outer fence first', ':::note\n:::lead\nx\n:::\n\ny\n:::\n\nz', 3],
    ['a fence with attributes not valid, which opens nothing', ':::bad{\n\n::::note\na\n\n:::\nb\n\nc', 2],
    ['a fence whose name starts with a digit, which opens a container', ':::1a\nx\n\ny\n:::\n\nz', 2],
    ['fences with labels and attributes the parser is asked about', ':::note[a]{x=1}\nx\n\ny\n:::\n\n:::note{a="1"b}\n\nz', 3],
    ['a line of no-break spaces, which is not blank', 'a\n\u00a0\nb\n\nc', 2],
    ['a fence of colons alone, which opens nothing', ':::\n\na', 2],
    ['lines ended by CR LF', ':::note\r\na\r\n\r\nb\r\n:::\r\n\r\nc\r\n', 2],
  ])('gives the whole tree: %s', (_, markdown, count) => {
    expect(stretches(markdown)).toBe(count);
    sameTree(markdown);
  });

  it.each([
    ['a code fence', 'a\n\n```\nb\n\nc\n```\n\nd'],
    ['a code fence of tildes in a list item', '- a\n\n  ~~~\n  b\n\nc\n  ~~~'],
    ['an HTML block', 'a\n\n<!--\nb\n\nc\n-->\n\nd'],
    ['a link reference definition', '[x]\n\ny\n\n[x]: https://example.org'],
    ['a definition whose label spans two lines', '[a\nb]\n\nc\n\n[a\nb]: https://example.org'],
    ['an indented container fence', '- a\n\n  :::note\n  b\n\nc\n  :::'],
    ['a lone carriage return', 'a\rb\n\nc\n\nd'],
    ['a byte order mark', '\ufeffa\n\nb\n\nc'],
  ])('parses a text with %s whole', (_, markdown) => {
    expect(stretches(markdown)).toBe(1);
    sameTree(markdown);
  });

  it('takes a fence for an opening without asking the parser only when the parser reads it so', () => {
    const name = fc.array(fc.constantFrom('note', 'N', '1', 'a-b', 'a_', '_a', '-', '\u00e9', 'x2', '.', ':'), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    const attribute = fc.constantFrom('k="v"', 'k="a }"', "k='v'", 'k=v', 'k=', '#id', '.c', '#', '"', '=', 'a:b.c="1"', '-k="1"', '#1', '.-');
    const attributes = fc.array(fc.tuple(attribute, fc.constantFrom('', ' ', '\t')), { maxLength: 3 }).map((p) => p.map(([a, space]) => a + space).join(''));
    const fence = fc
      .tuple(fc.constantFrom(':::', '::::'), name, fc.option(fc.tuple(fc.constantFrom('{', '{ ', '[l]{'), attributes, fc.constantFrom('}', '', ' }'))), fc.constantFrom('', ' ', 'x'))
      .map(([colons, n, attrs, end]) => colons + n + (attrs ? attrs.join('') : '') + end);
    let certain = 0;
    for (const line of fc.sample(fence, { numRuns: 4000, seed: 7 })) {
      if (!CERTAINLY_OPENING.test(line)) continue;
      certain++;
      expect(parseWhole(line).children[0]?.type, line).toBe('containerDirective');
    }
    expect(certain).toBeGreaterThan(100);
    // The fences of the built-in template all are.
    for (const line of [':::cover', ':::lead', ':::note', ':::figure{chart="where-sources-disagree"}']) expect(CERTAINLY_OPENING.test(line), line).toBe(true);
  });

  it('gives the whole tree of texts put together at random', () => {
    const pieces = [
      'Plain text with "quotes" and :cite[a].',
      '# Heading',
      '## Heading *two*',
      '- item\n- item two',
      '1. one\n2. two',
      '- outer\n  - inner\n\n  more of outer',
      '> quoted\nlazy line',
      '> quoted\n>\n> more',
      '| a | b |\n|:--|--:|\n| 1 | 2 |',
      ':::note\nInside.\n:::',
      ':::lead\nLead.\n\nSecond paragraph.\n:::',
      '::::figure{chart="x"}\nCaption.\n\n:::\n\nSource.\n::::',
      ':::cover\n:::note\nnested\n:::\n\nafter\n:::',
      ':::broken{\ntext',
      ':::',
      '::toc',
      '    indented code',
      '---',
      'Setext\n===',
      '\u00a0',
      'Line with trailing spaces  \nnext line',
      '- item\n\n  continued',
      '*emphasis* and **strong** across\nlines',
      '+ plus item',
      '10) ten',
      'Text\\: escaped',
    ];
    const separators = ['\n', '\n\n', '\n\n\n', '\n \n', '\n\t\n'];
    // A fixed sequence (a linear congruential generator): the same texts on every run.
    let seed = 20251;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let split = 0;
    for (let i = 0; i < 400; i++) {
      let markdown = '';
      for (let j = 0, n = 2 + next(10); j < n; j++) markdown += pieces[next(pieces.length)]! + separators[next(separators.length)]!;
      if (stretches(markdown) > 1) split += 1;
      sameTree(markdown);
    }
    // Most texts are split, so the comparison tests the stretches, not the whole.
    expect(split).toBeGreaterThan(300);
  });
});
