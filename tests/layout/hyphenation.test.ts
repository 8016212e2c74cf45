// Words broken at a line end come out of the PDF whole, in every reader: each part is a Span whose ActualText is the
// word (the first part) or nothing (the second), for readers of the structure tree, and its glyphs extract the same
// way for readers of the page content (pdf.js, MuPDF here; poppler and PDFBox in tests/system/extraction.test.ts).
// The words are those the layout broke, read from its boxes.
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';
import { readPdf, readStructureText } from '../pdf-reader.js';
import { exampleBuild } from '../support.js';
import { brokenWords, notWhole } from './broken-words.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Hyphenation Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const text = Array.from(
  { length: 6 },
  () => 'Comprehensive international relationships strengthened multilateral cooperation considerably, while extraordinary administrative reorganisation continued throughout.',
).join(' ');

/** The text MuPDF extracts, page after page. */
function mupdfText(bytes: Uint8Array): string {
  const pdf = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pages: string[] = [];
  for (let i = 0; i < pdf.countPages(); i++) pages.push(pdf.loadPage(i).toStructuredText('preserve-whitespace').asText());
  return pages.join('\n');
}

describe('hyphenated words', () => {
  it('are drawn with a hyphen but extract whole, once, in reading order', async () => {
    const { blocks } = parseMarkup(`# Words\n\n${text}\n\n- ${text}`, () => undefined, 'test.md');
    const hyphenating = { ...theme, text: { ...theme.text, hyphenation: 'en-gb' } };
    const doc = createPdf(info, hyphenating);
    const layout = layoutDocument(doc, { info, blocks: blocks as Block[] }, hyphenating, new Map());
    const bytes = await finishPdf(doc);
    // The layout ends lines with hyphens: the case is real.
    const broken = brokenWords(layout, text);
    expect(broken.length).toBeGreaterThan(2);
    expect(broken.every((w) => w.whole !== w.head + w.tail)).toBe(true);
    const read = (await readStructureText(bytes)).join(' ');
    expect(read).not.toMatch(/[a-z]- ?[a-z]/);
    const words = (s: string) => s.split(/\s+/).filter((w) => /^[a-z]{6,}/.test(w));
    const once = words(text);
    expect(words(read)).toEqual([...once, ...once]);
    // Read from the page content.
    expect(words((await readPdf(bytes)).pages.join('\n'))).toEqual([...once, ...once]);
    expect(words(mupdfText(bytes))).toEqual([...once, ...once]);
  });

  it("broken after the text's own hyphen, keep it and extract whole", async () => {
    const openings = ['Then', 'Later on', 'In the same months', 'Meanwhile'];
    const compounds = Array.from({ length: 24 }, (_, i) => `${openings[i % 4]!} state-owned, UNESCO-listed and non-state firms grew year-on-year at two-digit rates.`).join(' ');
    const { blocks } = parseMarkup(compounds, () => undefined, 'test.md');
    const doc = createPdf(info, theme);
    const layout = layoutDocument(doc, { info, blocks: blocks as Block[] }, theme, new Map());
    const bytes = await finishPdf(doc);
    const broken = brokenWords(layout, compounds);
    expect(broken.filter((w) => w.whole === w.head + w.tail).length).toBeGreaterThan(2);
    expect(notWhole((await readPdf(bytes)).pages.join('\n'), layout, broken)).toEqual([]);
    expect(notWhole(mupdfText(bytes), layout, broken)).toEqual([]);
  });
});

describe.each(['vietnam-2025', 'marenna-2025'])('the words the layout broke at a line end in %s', (name) => {
  it('extract whole in pdf.js and MuPDF: no word split by a hyphen and a line break', async () => {
    const result = await exampleBuild(name);
    const broken = brokenWords(result.layout, JSON.stringify(result.document));
    expect(broken.length).toBeGreaterThan(3);
    expect(notWhole((await readPdf(result.pdf)).pages.join('\n'), result.layout, broken)).toEqual([]);
    expect(notWhole(mupdfText(result.pdf), result.layout, broken)).toEqual([]);
  });
});
