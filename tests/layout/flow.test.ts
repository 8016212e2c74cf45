// Small documents laid out and checked on the boxes placed: floating figures, the contents, tables, line breaks.
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document.js';
import { layoutDocument, type ChartArt, type LayoutBox } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';
import { columnWidths } from '../../src/layout/blocks/table.js';
import { readPdf } from '../pdf-reader.js';
import { layoutProblems } from './box-checks.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Flow Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const words = (n: number, stem = 'word') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
const tall = (height: number): ChartArt => ({
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="${height}"><rect width="400" height="${height}" fill="#0b4f6c"/></svg>`,
  width: 400,
  height,
  alt: 'A block.',
});

function lay(markdown: string, charts: Record<string, ChartArt> = {}) {
  const { blocks, diagnostics } = parseMarkup(markdown, () => undefined, 'test.md');
  expect(diagnostics).toEqual([]);
  const doc = createPdf(info, theme);
  const document: Document = { info, blocks };
  const layout = layoutDocument(doc, document, theme, new Map(Object.entries(charts)));
  return { layout, doc };
}

const first = (boxes: readonly LayoutBox[], pattern: RegExp) => boxes.find((b) => b.text !== undefined && pattern.test(b.text));

describe('figures that do not fit', () => {
  const md = (after: string) => `# Chapter\n\n${words(420, 'lead')}\n\n:::figure{chart="tall"}\nA tall figure.\n:::\n\n${after}\n\n# Next chapter\n\n${words(20)}`;

  it('float to the top of the next page while the text after them fills the page they left', () => {
    const { layout } = lay(md(words(300, 'after')), { tall: tall(420) });
    const figure = layout.boxes.find((b) => b.kind === 'figure')!;
    const lead = layout.boxes.filter((b) => b.text?.includes('lead'));
    const after = first(layout.boxes, /after0\b/)!;
    expect(figure.anchorPage).toBe(lead[lead.length - 1]!.page);
    // The following text starts on the figure's page in the text, and the figure heads the next page.
    expect(after.page).toBe(figure.anchorPage);
    expect(figure.page).toBe(figure.anchorPage! + 1);
    expect(figure.y).toBeCloseTo(layout.page.top, 6);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('are placed before the next chapter opens when the text after them is short', () => {
    const { layout } = lay(md(words(10, 'after')), { tall: tall(420) });
    const figure = layout.boxes.find((b) => b.kind === 'figure')!;
    const next = layout.headings.find((h) => h.text === 'Next chapter')!;
    expect(figure.page).toBeLessThan(next.page + 1);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('leave the bar of a quotation that goes on below them beside the quotation only', () => {
    const { layout } = lay(`# Chapter\n\n${words(420, 'lead')}\n\n:::figure{chart="tall"}\nA tall figure.\n:::\n\n> ${words(700, 'quoted')}`, { tall: tall(420) });
    const figure = layout.boxes.find((b) => b.kind === 'figure')!;
    expect(layout.boxes.some((b) => b.page === figure.page && b.text?.includes('quoted'))).toBe(true);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('keep their order and their place in the reading order', async () => {
    const markdown = `# Chapter\n\n${words(420, 'lead')}\n\n:::figure{chart="tall"}\nFirst.\n:::\n\n:::figure{chart="small"}\nSecond.\n:::\n\n${words(300, 'after')}`;
    const { layout, doc } = lay(markdown, { tall: tall(420), small: tall(120) });
    const figures = layout.boxes.filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.height)).toEqual([420, 120]);
    expect(figures[1]!.page * 10000 + figures[1]!.y).toBeGreaterThan(figures[0]!.page * 10000 + figures[0]!.y);
    const captions = layout.boxes.filter((b) => b.kind === 'caption').map((b) => b.text);
    expect(captions).toEqual(['Figure 1. First.', 'Figure 2. Second.']);
    const pdf = await finishPdf(doc);
    expect(pdf.length).toBeGreaterThan(0);
  });
});

describe('the contents', () => {
  it('reserves pages for headings nested in lists and quotations too, so it never prints over the text', () => {
    const nested = Array.from({ length: 50 }, (_, i) => (i % 2 ? `> ## Quoted part ${i}` : `- ## Listed part ${i}`)).join('\n\n');
    const { layout } = lay(`:::cover\n# Cover\n:::\n\n::toc\n\n# One\n\n${nested}\n\n# Two\n\n${words(20)}`);
    const entries = layout.boxes.filter((b) => b.kind === 'contents');
    expect(entries.map((b) => b.text)).toContain('Quoted part 49');
    const body = layout.headings.find((h) => h.text === 'One')!;
    expect(Math.max(...entries.map((b) => b.page))).toBeLessThan(body.page + 1);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('wraps a long entry onto more lines instead of cutting it after the first', () => {
    const long = `A chapter whose title runs on ${words(30, 'and')} to the end`;
    const { layout } = lay(`::toc\n\n# ${long}\n\n${words(20)}\n\n# Short\n\n${words(20)}`);
    const entries = layout.boxes.filter((b) => b.kind === 'contents');
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.map((b) => b.text).join(' ')).toContain(long);
    expect(entries[entries.length - 1]!.text).toBe('Short');
    expect(layoutProblems(layout)).toEqual([]);
  });
});

describe('tables', () => {
  it('give short columns their whole natural width while a wide column has room (fictional names)', () => {
    const w = columnWidths([82, 420, 300], [34, 70, 60], 480);
    expect(w[0]).toBeGreaterThanOrEqual(82);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(480, 6);
    expect(w[1]).toBeGreaterThan(w[2]!);
    // Every column keeps at least its longest word.
    columnWidths([300, 300, 300], [150, 150, 250], 480).forEach((x, i) => expect(x).toBeGreaterThanOrEqual([150, 150, 250][i]! * (480 / 550) - 1e-9));
  });

  it('set a short name on one line beside a long description (fictional names)', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `| Oskar Telmaine ${i} | ${words(40, 'role')} | ${words(30, 'spelled')} |`).join('\n');
    const { layout, doc } = lay(`# People\n\n| Name | Role | Spellings |\n|---|---|---|\n${rows}\n`);
    expect(layoutProblems(layout)).toEqual([]);
    const items = (await readPdf(await finishPdf(doc))).items.flat().map((i) => i.str);
    for (let i = 0; i < 3; i++) expect(items).toContain(`Oskar Telmaine ${i}`);
  });

  it('split a row taller than a page across pages, its header repeated, inside the margins', async () => {
    const { layout, doc } = lay(`# Long\n\n| Item | Notes |\n|---|---|\n| first | ${words(1600, 'note')} |\n| second | short |\n`);
    expect(layoutProblems(layout)).toEqual([]);
    expect(layout.continuedTables.length).toBeGreaterThan(0);
    const text = (await readPdf(await finishPdf(doc))).pages.join(' ');
    for (const w of ['note0', 'note799', 'note1599', 'second']) expect(text).toMatch(new RegExp(`${w}\\b`));
  });
});

describe('paragraphs and list items across pages', () => {
  it('leave at least two lines of an item on each page it spans, and its marker with its first lines', () => {
    const items = Array.from({ length: 40 }, (_, k) => `- ${words(14 + (k % 5) * 9, `i${k}w`)}`).join('\n');
    const { layout } = lay(`# List\n\n${items}\n\n# After\n\n${words(10)}`);
    expect(layoutProblems(layout)).toEqual([]);
    let spanning = 0;
    for (let k = 0; k < 40; k++) {
      const lines = layout.boxes.filter((b) => b.kind === 'line' && new RegExp(`\\bi${k}w\\d`).test(b.text ?? ''));
      const pages = [...new Set(lines.map((b) => b.page))];
      if (pages.length > 1) spanning += 1;
      if (pages.length > 1) for (const p of pages) expect(lines.filter((b) => b.page === p).length, `item ${k} on page ${p}`).toBeGreaterThanOrEqual(2);
      const marker = layout.boxes.filter((b) => b.kind === 'marker')[k]!;
      expect(marker.page).toBe(lines[0]!.page);
    }
    expect(spanning).toBeGreaterThan(0);
  });
});
