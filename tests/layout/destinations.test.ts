// Link targets read back from the PDF: every named destination (headings, anchors, citations) must show the
// top of what it names, not merely its page. Compared with where pdf.js finds the text drawn.
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';
import { readPdf, type ReadPdf } from '../pdf-reader.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Destinations Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const cite = (id: string) => (id === 's' ? { number: 1, source: { id: 's' } as never } : undefined);

async function build(markdown: string) {
  const { blocks, diagnostics } = parseMarkup(markdown, cite, 'test.md');
  expect(diagnostics).toEqual([]);
  const doc = createPdf(info, theme);
  const layout = layoutDocument(doc, { info, blocks: blocks as Block[] } satisfies Document, theme, new Map());
  return { layout, pdf: await readPdf(await finishPdf(doc)) };
}

/** The first text piece on a page that starts with `text`: its baseline and left edge, from the page's bottom left. */
function drawn(pdf: ReadPdf, page: number, text: string) {
  const item = pdf.items[page - 1]!.find((i) => i.str.startsWith(text));
  if (!item) throw new Error(`"${text}" is not on page ${page}`);
  return item;
}

/** The left and right ends of the line a text piece is on. */
function lineOf(pdf: ReadPdf, page: number, at: { y: number }) {
  const line = pdf.items[page - 1]!.filter((i) => Math.abs(i.y - at.y) < 0.01);
  return { left: Math.min(...line.map((i) => i.x)), right: Math.max(...line.map((i) => i.x + i.width)) };
}

/**
 * The destination shows the text: its top edge is above the baseline by no more than the line's height; at the
 * text's left edge (a heading), or within the drawn line (a citation inside it).
 */
function expectAtTopOf(pdf: ReadPdf, name: string, page: number, text: string, size: number, within = false) {
  const dest = pdf.destinations.get(name);
  expect(dest, name).toBeDefined();
  const at = drawn(pdf, page, text);
  expect(dest!.page, name).toBe(page);
  const { left, right } = lineOf(pdf, page, at);
  if (within) expect(dest!.x > left && dest!.x < right, name).toBe(true);
  else expect(dest!.x, name).toBeCloseTo(at.x, 1);
  const above = dest!.y - at.y;
  expect(above, `${name}: ${dest!.y} against the baseline at ${at.y}`).toBeGreaterThan(0.5 * size);
  expect(above, `${name}: ${dest!.y} against the baseline at ${at.y}`).toBeLessThan(1.6 * size);
}

describe('named destinations', () => {
  const md = [
    ':::cover\n# Cover\n:::',
    '::toc',
    '# First chapter',
    words(120),
    '## A section low on its page',
    words(520),
    '### A subsection',
    `Cited here :cite[s]. ${words(40)}`,
    '# Sources',
    '::anchor{#source-s}\n**[1]** The source.',
    '::citedby{source="s"}',
  ].join('\n\n');

  it('put each heading at the top of the view, for the contents, the outline and links', async () => {
    const { layout, pdf } = await build(md);
    expect(layout.headings.length).toBe(4);
    for (const h of layout.headings) {
      const size = theme.headings.sizes[h.depth - 1]!;
      expectAtTopOf(pdf, h.id, h.page + 1, h.text, size);
    }
    // The contents rows and the outline entries go to the same destinations.
    const contentsTargets = pdf.links.filter((l) => l.page === 2).map((l) => l.dest);
    expect(contentsTargets).toEqual(layout.headings.filter((h) => h.listed && h.depth <= theme.contents.depth).map((h) => h.id));
    const outline = pdf.outline.flatMap((o) => [o.dest, ...o.children.map((c) => c.dest)]);
    expect(outline).toEqual(['first-chapter', 'a-section-low-on-its-page', 'sources']);
  });

  it('put anchors and the citations the appendix links back to at their line', async () => {
    const { pdf } = await build(md);
    const last = pdf.pages.length;
    expectAtTopOf(pdf, 'source-s', last, '[1]', theme.text.size);
    const back = pdf.links.filter((l) => l.dest.startsWith('cite-'));
    expect(back.length).toBe(1);
    expectAtTopOf(pdf, back[0]!.dest, back[0]!.target, 'Cited here', theme.text.size, true);
  });
});
