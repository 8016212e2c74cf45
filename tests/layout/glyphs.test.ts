// A character the fonts cannot set fails the build at the line that wrote it: the origin of the block whose text
// needs it (a list item's own paragraph, a figure placed after the text that follows it), not the font file.
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { ReviewError } from '../../src/errors.js';
import { layoutDocument, type ChartArt } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Glyph Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
// An Egyptian hieroglyph: none of the built-in fonts has it.
const MISSING = '\u{13000}';

function glyphProblems(markdown: string, charts: Record<string, ChartArt>) {
  const { blocks } = parseMarkup(markdown, () => undefined, 'my-template/report.md');
  const document: Document = { info, blocks };
  try {
    layoutDocument(createPdf(info, theme), document, theme, new Map(Object.entries(charts)));
  } catch (e) {
    if (e instanceof ReviewError) return e.diagnostics.map((d) => [d.code, d.file, d.line]);
    throw e;
  }
  return [];
}

describe('a missing glyph', () => {
  it('is reported at the block that sets it, nested or floated, once per font and place', () => {
    const chart: ChartArt = {
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="420"><text x="10" y="20">${MISSING}</text></svg>`,
      width: 400,
      height: 420,
      alt: 'A chart.',
    };
    const markdown = [
      '# Chapter', // 1
      '',
      words(420, 'lead'), // 3
      '',
      ':::figure{chart="tall"}', // 5
      'A tall figure.',
      ':::',
      '',
      words(300, 'after'), // 9
      '',
      `- one ${MISSING}`, // 11
      `- two ${MISSING}${MISSING}`,
    ].join('\n');
    expect(glyphProblems(markdown, { tall: chart })).toEqual([
      ['font/glyphs', 'my-template/report.md', 5],
      ['font/glyphs', 'my-template/report.md', 11],
      ['font/glyphs', 'my-template/report.md', 12],
    ]);
  });
});
