// Words hyphenated at a line end come out of the PDF whole: each part is a Span whose ActualText is the word (the
// first part) or nothing (the second), read back from pdf.js's structure tree and text.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';
import { readPdf, readStructureText } from '../pdf-reader.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Hyphenation Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const text = Array.from(
  { length: 6 },
  () => 'Comprehensive international relationships strengthened multilateral cooperation considerably, while extraordinary administrative reorganisation continued throughout.',
).join(' ');

describe('hyphenated words', () => {
  it('are drawn with a hyphen but extract whole, once, in reading order', async () => {
    const { blocks } = parseMarkup(`# Words\n\n${text}\n\n- ${text}`, () => undefined, 'test.md');
    const hyphenating = { ...theme, text: { ...theme.text, hyphenation: 'en-gb' } };
    const doc = createPdf(info, hyphenating);
    layoutDocument(doc, { info, blocks: blocks as Block[] }, hyphenating, new Map());
    const bytes = await finishPdf(doc);
    // The page shows hyphens at line ends: the case is real.
    const shown = (await readPdf(bytes)).pages.join('\n');
    expect(shown).toMatch(/[a-z]-\n[a-z]/);
    const read = (await readStructureText(bytes)).join(' ');
    expect(read).not.toMatch(/[a-z]- ?[a-z]/);
    const words = (s: string) => s.split(/\s+/).filter((w) => /^[a-z]{6,}/.test(w));
    const once = words(text);
    expect(words(read)).toEqual([...once, ...once]);
  });
});
