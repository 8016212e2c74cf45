// The tagged PDF read back: the structure tree in reading order, alt text on figures, artifacts for furniture,
// and marked content that opens and closes on every page.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import { loadTheme } from '../../src/theme/index.js';

interface Node {
  role?: string;
  alt?: string;
  children?: Node[];
  type?: string;
}

const theme = loadTheme([builtinTemplateDir]);
const info = { title: 'Tags Test', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const chart = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="120" height="60" fill="#0b4f6c"/><text x="10" y="90">Hà Nội</text></svg>',
  width: 200,
  height: 100,
  alt: 'One bar, drawn in blue.',
};

async function tagged(markdown: string) {
  const { blocks, diagnostics } = parseMarkup(markdown, () => undefined, 'test.md');
  expect(diagnostics).toEqual([]);
  const doc = createPdf(info, theme);
  const document: Document = { info, blocks: blocks as Block[] };
  layoutDocument(
    doc,
    document,
    theme,
    new Map([
      ['bar', chart],
      ['tall', { ...chart, width: 400, height: 420 }],
    ]),
  );
  const pdf = await getDocument({ data: new Uint8Array(await finishPdf(doc)), verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const ops = await page.getOperatorList();
    const content = await page.getTextContent({ includeMarkedContent: true });
    pages.push({ tree: (await page.getStructTree()) as Node, ops: ops.fnArray, content: content.items });
  }
  await pdf.destroy();
  return pages;
}

/** Roles in document order, depth-first, of the structure elements that have content on a page. */
const roles = (n: Node): string[] => [...(n.role && n.role !== 'Root' ? [n.role] : []), ...(n.children ?? []).flatMap(roles)];
const find = (n: Node, role: string): Node[] => [...(n.role === role ? [n] : []), ...(n.children ?? []).flatMap((c) => find(c, role))];

/** On every page, marked content opens and closes in pairs, never closing more than it opened. */
function expectBalancedMarkedContent(pages: readonly { ops: readonly number[] }[]): void {
  for (const { ops } of pages) {
    let depth = 0;
    for (const op of ops) {
      if (op === OPS.beginMarkedContent || op === OPS.beginMarkedContentProps) depth += 1;
      if (op === OPS.endMarkedContent) depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  }
}

describe('tagged PDF', () => {
  const md = [
    '# Chapter',
    words(30),
    '- first item\n- second item',
    '| Name | Count |\n|---|--:|\n| a | 1 |\n| b | 2 |',
    ':::figure{chart="bar" alt="An authored sentence."}\nA caption.\n\nSource: the tests.\n:::',
    '## Long part',
    words(1400),
  ].join('\n\n');

  it('gives headings, paragraphs, lists, tables and figures their structure, in reading order', async () => {
    const pages = await tagged(md);
    const first = roles(pages[0]!.tree);
    expect(first.slice(0, 3)).toEqual(['Document', 'H1', 'P']);
    const order = ['H1', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'H2'];
    const at = order.map((r) => first.indexOf(r));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The figure's alt text: the authored sentence, then the one computed from the chart.
    expect(find(pages[0]!.tree, 'Figure')[0]?.alt).toBe('An authored sentence. One bar, drawn in blue.');
    // Column headers, then each row's label cell as a row header.
    expect(find(pages[0]!.tree, 'TH')).toHaveLength(4);
    expect(find(pages[0]!.tree, 'TD')).toHaveLength(2);
  });

  it('continues a paragraph broken across pages as one element, and opens and closes marked content on every page', async () => {
    const pages = await tagged(md);
    expect(pages.length).toBeGreaterThan(2);
    // The long paragraph starts on one page and ends on the next: on the later page it is the first P.
    expect(roles(pages[1]!.tree)).toContain('P');
    expectBalancedMarkedContent(pages);
  });

  it('keeps a floated figure in its place in the reading order, outside the paragraph it interrupts on the page', async () => {
    const pages = await tagged(`# Chapter\n\n${words(420)}\n\n:::figure{chart="tall"}\nFloated.\n:::\n\n${words(700)}`);
    // The paragraph after the figure starts on the first page and goes on below the figure on the second.
    const second = roles(pages[1]!.tree);
    expect(second.slice(0, 4)).toEqual(['Document', 'Div', 'Figure', 'Caption']);
    expect(second.indexOf('P')).toBeGreaterThan(second.indexOf('Caption'));
    expect(roles(pages[0]!.tree)).not.toContain('Figure');
    expectBalancedMarkedContent(pages);
  });

  it('marks running heads and page numbers as pagination artifacts, outside the structure', async () => {
    const pages = await tagged(md);
    const second = pages[1]!.content as { type?: string; tag?: string; str?: string }[];
    let inArtifact = 0;
    const artifactText: string[] = [];
    for (const item of second) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') inArtifact += item.tag === 'Artifact' || inArtifact ? 1 : 0;
      else if (item.type === 'endMarkedContent') inArtifact = Math.max(0, inArtifact - 1);
      else if (inArtifact && item.str) artifactText.push(item.str);
    }
    expect(artifactText.join(' ')).toContain(`Page 2 of ${pages.length}`);
    expect(artifactText.join(' ')).toContain('Tags Test');
    expect(artifactText.join(' ')).not.toContain('word');
  });
});

describe('block quotes', () => {
  it('draw their bar beside the quote on every page the quote covers', async () => {
    const { blocks } = parseMarkup(`# Q\n\n${words(300)}\n\n> ${words(900)}`, () => undefined, 'test.md');
    const doc = createPdf(info, theme);
    layoutDocument(doc, { info, blocks: blocks as Block[] }, theme, new Map());
    const pdf = await getDocument({ data: new Uint8Array(await finishPdf(doc)), verbosity: 0 }).promise;
    const barX = theme.page.margins.left + theme.blockquote.indent / 2;
    const withBar: number[] = [];
    const withQuote: number[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const { fnArray, argsArray } = await page.getOperatorList();
      // A vertical line at the bar's x: a path whose bounding box has no width there.
      const bar = fnArray.some((op, k) => {
        const box = op === OPS.constructPath ? ((argsArray[k] as unknown[])[2] as ArrayLike<number> | undefined) : undefined;
        return !!box && Math.abs(box[0]! - barX) < 0.01 && Math.abs(box[2]! - barX) < 0.01;
      });
      if (bar) withBar.push(i);
      // Quote lines start at the quote's indent.
      const quoteX = theme.page.margins.left + theme.blockquote.indent;
      if ((await page.getTextContent()).items.some((it) => 'str' in it && Math.abs((it.transform[4] as number) - quoteX) < 0.01)) withQuote.push(i);
    }
    await pdf.destroy();
    expect(withQuote.length).toBeGreaterThan(1);
    expect(withBar).toEqual(withQuote);
  });
});
