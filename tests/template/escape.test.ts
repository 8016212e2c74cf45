import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/markup/index.js';
import { escapeMarkdown } from '../../src/template/escape.js';

const text = (markdown: string) => {
  const { blocks, diagnostics } = parseMarkup(markdown, () => undefined, 'test.md');
  expect(diagnostics).toEqual([]);
  return blocks.map((b) => (b.type === 'paragraph' ? b.spans.map((s) => s.text).join('') : `<${b.type}>`)).join('|');
};

describe('escapeMarkdown', () => {
  it.each([
    '*x* [y](z) # h',
    '# not a heading',
    '- not a list',
    '1. not a list',
    '> not a quote',
    'a | b | c',
    ':cite[not-a-citation] and ::toc',
    'snake_case and `code` and <b>html</b> &amp;',
    'back\\slash and ~tilde~ and !bang',
    'Phạm Thu Hằng, Hà Nội',
  ])('prints %j literally after Markdown parsing', (value) => {
    expect(text(escapeMarkdown(value))).toBe(value);
  });

  it('keeps a value inside its paragraph: line breaks become spaces', () => {
    expect(text(`before ${escapeMarkdown('a\n\n# b')} after`)).toBe('before a # b after');
  });

  it('normalises to NFC', () => {
    expect(escapeMarkdown('Ha\u0300 No\u0323\u0302i')).toBe('Hà Nội');
  });
});
