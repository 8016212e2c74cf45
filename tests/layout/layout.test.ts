import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { columnWidths } from '../../src/layout/blocks/table.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';
import { readPdf, readStructureText } from '../pdf-reader.js';
import { registerFonts } from '../../src/layout/fonts.js';
import { lineText, measureSpans, type Line } from '../../src/layout/text.js';
import { hyphenator } from '../../src/text/hyphenation.js';

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Layout Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };

const citeS = (id: string) => (id === 's' ? { number: 1, source: { id: 's' } as never } : undefined);

async function build(markdown: string, themeUsed = theme) {
  const { blocks, diagnostics } = parseMarkup(markdown, citeS, 'test.md');
  expect(diagnostics).toEqual([]);
  const doc = createPdf(info, themeUsed);
  const document: Document = { info, blocks: blocks as Block[] };
  const layout = layoutDocument(doc, document, themeUsed, new Map());
  return { layout, pdf: await readPdf(await finishPdf(doc)) };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('column widths', () => {
  it('gives every column its natural width when the table fits, scaled to fill', () => {
    expect(columnWidths([10, 30], [5, 10], 80)).toEqual([20, 60]);
  });
  it('keeps each column at least as wide as its longest word when space is short', () => {
    const w = columnWidths([100, 300], [20, 40], 200);
    expect(w[0]).toBeGreaterThanOrEqual(20);
    expect(w[1]).toBeGreaterThanOrEqual(40);
    expect(w[0]! + w[1]!).toBeCloseTo(200, 6);
  });
});

/** A piece ending in a hyphen the layout inserted (a hyphenated word's first part), not one of the text. */
const isInserted = (p: { text: string; actual?: string }) => !!p.actual && !p.actual.startsWith(p.text);

/** Lines joined back into the text: a hyphen the layout inserted goes, a line broken after a hyphen of the text joins without a space. */
function rejoin(lines: readonly Line[]): string {
  return lines
    .map((l, i) => {
      const word = l.words[l.words.length - 1]!;
      const end = word.pieces[word.pieces.length - 1]!;
      const inserted = isInserted(end);
      const text = lineText(l);
      if (i === lines.length - 1) return text;
      return inserted ? text.slice(0, -1) : word.space > 0 ? `${text} ` : text;
    })
    .join('');
}

describe('hyphenation', () => {
  const fonts = registerFonts(createPdf(info, theme), theme);
  const text =
    'Comprehensive international relationships strengthened multilateral cooperation considerably, while Phạm Thu Hằng and UNESCO-recognised heritage 2025 remained unbroken throughout the extraordinary administrative reorganisation.';
  const lines = (hyphenate?: (w: string) => string[]) =>
    measureSpans([{ text }], { ...theme.text, ...{ family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000' }, ...(hyphenate ? { hyphenate } : {}) }, 150, fonts).lines;
  /** The room justification must spread over the spaces, summed over the lines (the last line is not justified). */
  const slack = (ls: ReturnType<typeof lines>) => ls.filter((l) => !l.last).reduce((sum, l) => sum + 150 - l.natural, 0);
  const wordsOf = (ls: ReturnType<typeof lines>) => ls.map(lineText);

  it('splits long lower-case words at permitted points, so justified lines have less room to stretch', () => {
    const plain = lines();
    const hyphenated = lines(hyphenator('en-gb'));
    const broken = wordsOf(hyphenated).filter((l) => l.endsWith('-'));
    expect(broken.length).toBeGreaterThan(0);
    expect(slack(hyphenated)).toBeLessThan(0.8 * slack(plain));
    // Rejoined, the text is what went in.
    expect(rejoin(hyphenated)).toBe(text);
  });

  it('never splits names, figures or capitalised words, and ends at most two lines in a row with a hyphen', () => {
    const out = wordsOf(lines(hyphenator('en-gb')));
    for (const l of out) expect(l).not.toMatch(/(Phạm|Hằng|UNESCO|2025|Comprehen)-$/);
    const ends = out.map((l) => l.endsWith('-'));
    ends.forEach((e, i) => expect(e && ends[i + 1] && ends[i + 2]).toBeFalsy());
  });

  it("leaves a source's own words whole, so that a quotation copied from the PDF is the source's", () => {
    const style = { ...theme.text, family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000', hyphenate: hyphenator('en-gb') };
    const quoted = measureSpans([{ text, verbatim: true }], style, 150, fonts).lines;
    expect(quoted.flatMap((l) => l.words.flatMap((w) => w.pieces)).filter(isInserted)).toEqual([]);
    expect(rejoin(quoted)).toBe(text);
  });
});

describe('a word longer than the line', () => {
  const fonts = registerFonts(createPdf(info, theme), theme);
  const style = { ...theme.text, family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000' };

  it('is broken anywhere, so that no line is wider than the column, and nothing is lost', () => {
    const long = `${'x'.repeat(150)}${'1234567890'.repeat(15)}`;
    const m = measureSpans([{ text: 'Before ' }, { text: long.slice(0, 200), bold: true }, { text: `${long.slice(200)} after.` }], style, 150, fonts);
    expect(m.lines.length).toBeGreaterThan(3);
    for (const l of m.lines) expect(l.natural).toBeLessThanOrEqual(150 + 1e-6);
    const joined = m.lines.map((l) => l.words.map((w) => w.pieces.map((p) => p.text).join('')).join(' ')).join('');
    expect(joined.replace(/ /g, '')).toBe(`Before${long}after.`);
  });
});

describe('spaces that do not break', () => {
  const fonts = registerFonts(createPdf(info, theme), theme);
  const style = { ...theme.text, family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000' };

  it('keeps figures and units joined by a no-break space (U+00A0, U+202F) on one line', () => {
    const joined = ['10\u00a0000', '27,62\u202ftỷ', 'p.\u00a012'];
    const text = Array.from({ length: 12 }, (_, i) => `word ${joined[i % joined.length]}`).join(' ');
    const lines = measureSpans([{ text }], style, 60, fonts).lines.map((l) => l.words.map((w) => w.pieces.map((p) => p.text).join('')));
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.flat();
    for (const j of joined) expect(all.filter((w) => w === j).length, j).toBe(4);
  });
});

describe('break opportunities (UAX #14)', () => {
  const fonts = registerFonts(createPdf(info, theme), theme);
  const style = { ...theme.text, family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000' };
  const natural = (text: string) => measureSpans([{ text }], style, 1e6, fonts).lines[0]!.natural;
  const linesOf = (text: string, width: number) => measureSpans([{ text }], style, width, fonts).lines.map(lineText);

  it.each(['-', '–', '—', '/'])('breaks after "%s" between words, with no space added where the words join', (mark) => {
    const text = `alpha beta${mark}gamma`;
    expect(linesOf(text, natural(`alpha beta${mark}`) + 1)).toEqual([`alpha beta${mark}`, 'gamma']);
    expect(linesOf(text, 1e6)).toEqual([text]);
  });

  it('keeps a range or a date between digits whole, and a number with the word it is hyphenated to', () => {
    expect(linesOf('pages 2024–2025 and 2024/25', natural('pages 2024–') + 1)[0]).toBe('pages');
    expect(linesOf('after the 7.7-magnitude earthquake', natural('after the 7.7-') + 1)[0]).toBe('after the');
  });

  it('extracts a word broken after its own hyphen whole, once, hyphen kept', async () => {
    const { blocks } = parseMarkup(`# B\n\n${Array.from({ length: 40 }, (_, i) => `Asia-Pacific site${i}`).join(' ')}`, citeS, 'test.md');
    const doc = createPdf(info, theme);
    const layout = layoutDocument(doc, { info, blocks }, theme, new Map());
    const bytes = await finishPdf(doc);
    // Some lines end at the hyphen: the case is real.
    expect(layout.boxes.some((b) => b.text?.endsWith(' Asia-'))).toBe(true);
    const read = (await readStructureText(bytes)).join(' ');
    expect(read.match(/Asia-Pacific site/g)?.length).toBe(40);
    // Read from the glyphs alone too (pdf.js).
    expect((await readPdf(bytes)).pages.join('\n').match(/Asia-Pacific\s+site/g)?.length).toBe(40);
  });

  it('sets a justified line with a hyphenated compound as one run: no space, no stretch inside the compound', async () => {
    const { pdf } = await build(`# J\n\nfirst state-owned and/or ${words(60)}`);
    expect(theme.text.align).toBe('justify');
    expect(pdf.items[0]!.map((i) => i.str).join(' ')).toContain('first state-owned and/or word0');
  });
});

describe('the last line of a paragraph', () => {
  const fonts = registerFonts(createPdf(info, theme), theme);
  const style = { ...theme.text, family: 'serif', codeFamily: 'serif', color: '#000', linkColor: '#000' };
  const natural = (text: string) => measureSpans([{ text }], style, 1e6, fonts).lines[0]!.natural;

  it('never holds one word alone when the line above can give it one without stretching its spaces past double', () => {
    // Thirteen equal words fill a line exactly: 27 of them leave one alone on a third line.
    const width = natural(Array.from({ length: 13 }, () => 'aaaa').join(' '));
    const lines = measureSpans([{ text: Array.from({ length: 27 }, () => 'aaaa').join(' ') }], style, width, fonts).lines;
    expect(lines.map((l) => l.words.length)).toEqual([13, 12, 2]);
    // Not when the line above would open wide gaps: five words a line.
    const narrow = natural('aaaa aaaa aaaa aaaa aaaa');
    expect(measureSpans([{ text: Array.from({ length: 11 }, () => 'aaaa').join(' ') }], style, narrow, fonts).lines.map((l) => l.words.length)).toEqual([5, 5, 1]);
  });
});

describe('layout', () => {
  it('numbers contents entries with the pages their headings landed on, and puts "Page X of Y" on every page but the first', async () => {
    const md = `:::cover\n# Cover\n:::\n\n::toc\n\n# One\n\n${words(50)}\n\n## One point one\n\n${words(900)}\n\n# Two\n\n${words(40)}`;
    const { layout, pdf } = await build(md);
    const n = pdf.pages.length;
    expect(layout.pages).toBe(n);
    pdf.pages.forEach((text, i) => {
      if (i === 0) expect(text).not.toMatch(/Page \d+ of/);
      else expect(text).toContain(`Page ${i + 1} of ${n}`);
    });
    const contents = pdf.pages[1]!;
    for (const h of layout.headings) {
      expect(pdf.pages[h.page]).toContain(h.text);
      expect(contents).toMatch(new RegExp(`${h.text}[ .]*${h.page + 1}`));
    }
    // Contents links and the outline resolve to the heading pages.
    const targets = pdf.links.filter((l) => l.page === 2).map((l) => l.target);
    expect(targets).toEqual(layout.headings.map((h) => h.page + 1));
    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([
      ['One', layout.headings[0]!.page + 1],
      ['Two', layout.headings[2]!.page + 1],
    ]);
    expect(pdf.outline[0]!.children.map((c) => c.title)).toEqual(['One point one']);
  });

  it('repeats the table header on every page a long table covers', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| row ${i + 1} | ${(i * 1.5).toFixed(1)} |`).join('\n');
    const { pdf, layout } = await build(`# Table\n\n| Name | Value |\n|---|--:|\n${rows}\n`);
    const tablePages = pdf.pages.filter((p) => /row \d+/.test(p));
    expect(tablePages.length).toBeGreaterThan(3);
    // The layout reports the continuation pages: every table page after the first.
    const first = pdf.pages.findIndex((p) => /row \d+/.test(p)) + 1;
    expect(layout.continuedTables).toEqual(tablePages.slice(1).map((_, i) => first + 1 + i));
    for (const p of tablePages) expect(p).toMatch(/Name\s*Value/);
    tablePages.slice(1).forEach((p) => expect(p).toContain('(continued)'));
    // No row is lost or split: every row's cells appear together, once.
    const all = tablePages.join('\n');
    for (let i = 1; i <= 300; i++) expect(all.match(new RegExp(`row ${i}\\b`, 'g'))?.length).toBe(1);
  });

  it('sets number columns in tabular figures, so digits line up under each other', async () => {
    const md = '| Item | Count |\n|---|--:|\n| ones | 111 |\n| eights | 888 |';
    const widthsOf = async (t: typeof theme) => {
      const { pdf } = await build(md, t);
      const items = pdf.items[0]!;
      return ['111', '888'].map((s) => items.find((i) => i.str === s)!);
    };
    const [ones, eights] = await widthsOf(theme);
    expect(theme.table.numberFeatures).toContain('tnum');
    expect(ones!.width).toBeCloseTo(eights!.width, 2);
    expect(ones!.x + ones!.width).toBeCloseTo(eights!.x + eights!.width, 1);
    // The same table without the feature: the body font's figures are proportional, so the widths differ.
    const [p1, p8] = await widthsOf({ ...theme, table: { ...theme.table, numberFeatures: [] } });
    expect(Math.abs(p1!.width - p8!.width)).toBeGreaterThan(1);
  });

  it('extracts Vietnamese text exactly, with single spaces, in justified paragraphs with bold and italic runs', async () => {
    const { pdf } = await build(`# T\n\n${words(30)} **Phạm Thu Hằng** told reporters in *Hà Nội* ${words(60)}`);
    const text = pdf.pages.join('\n');
    expect(text).toContain('Phạm Thu Hằng');
    expect(text).toContain('Hà Nội');
    expect(text).not.toMatch(/Phạm {2,}Thu/);
  });

  it('lists in the appendix the pages citing each source, each a link to that page', async () => {
    const { pdf } = await build(`# A\n\nFirst :cite[s].\n\n${words(700)}\n\nAgain :cite[s].\n\n# Sources\n\n::anchor{#source-s}\n**[1]** The source.\n\n::citedby{source="s"}\n`);
    const citing = pdf.pages.flatMap((p, i) => (/\[1\]/.test(p) && !p.includes('The source') ? [i + 1] : []));
    expect(citing.length).toBe(2);
    const last = pdf.pages[pdf.pages.length - 1]!;
    expect(last).toContain(`Cited on pages ${citing.join(', ')}.`);
    const back = pdf.links.filter((l) => l.page === pdf.pages.length && l.dest.startsWith('cite-')).map((l) => l.target);
    expect(back).toEqual(citing);
    // And forwards: every [1] links to the appendix entry.
    const forward = pdf.links.filter((l) => l.dest === 'source-s').map((l) => l.target);
    expect(new Set(forward)).toEqual(new Set([pdf.pages.length]));
  });
});

describe('keeping things together', () => {
  it('never leaves a list marker or a heading at the foot of a page without the text that follows it', async () => {
    // Three-line items cannot break (two lines each side): wherever the list falls, an item moves whole.
    const item =
      'An item long enough to run over three lines of the column, so that it cannot be split between two pages without leaving a single line on one side of the break, which the layout never does to a paragraph of body text.';
    let moved = 0;
    for (let filler = 760; filler <= 900; filler += 5) {
      const { pdf } = await build(`# Lists\n\n${words(filler)}\n\n## Items\n\nThe items follow.\n\n- ${item}\n- ${item}\n- ${item}`);
      for (const page of pdf.pages) {
        // Every marker on a page has its item's first words on the same page.
        expect((page.match(/•/g) ?? []).length).toBe((page.match(/An item long/g) ?? []).length);
        // A heading on a page has at least the start of what follows it.
        if (page.includes('Items\n')) expect(page).toContain('The items follow.');
      }
      if (pdf.pages.length === 3 && !pdf.pages[1]!.includes('An item long')) moved += 1;
    }
    // The range of fillers does reach the foot of a page: some lists had to move to the next.
    expect(moved).toBeGreaterThan(0);
  });
});
