import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it, vi } from 'vitest';
import type { Citation } from '../../src/review.js';
import { parseMarkup, PUNCTUATED, slug, smarten } from '../../src/markup/index.js';

const source = (id: string) => ({ id }) as Citation['source'];
const citations: Record<string, Citation> = {
  'src-a': { number: 1, source: source('src-a') },
  'src-b': { number: 2, source: source('src-b') },
  'claim-x': { number: 2, source: source('src-b'), claim: { printed: 'nearly 350' } as Citation['claim'] },
};
const parse = (md: string) => parseMarkup(md, (id) => citations[id], 'test.md');

describe('markup', () => {
  it('turns citations into numbered links to the sources appendix, deduplicated and sorted', () => {
    const { blocks } = parse('Text :cite[claim-x, src-a, src-b].');
    const p = blocks[0];
    expect(p?.type).toBe('paragraph');
    if (p?.type !== 'paragraph') return;
    expect(p.spans.map((s) => s.text).join('')).toBe('Text [1, 2].');
    expect(p.spans.filter((s) => s.goTo).map((s) => [s.text, s.goTo])).toEqual([
      ['1', 'source-src-a'],
      ['2', 'source-src-b'],
    ]);
  });

  it('sets :q[…] as a quotation: curly quotes, italics, marked verbatim', () => {
    const { blocks } = parse('Said :q[we have *upgraded* relations].');
    const p = blocks[0];
    if (p?.type !== 'paragraph') throw new Error('paragraph expected');
    expect(p.spans.map((s) => s.text).join('')).toBe('Said “we have upgraded relations”.');
    expect(p.spans.filter((s) => s.verbatim).every((s) => s.italic)).toBe(true);
    expect(
      p.spans
        .filter((s) => s.verbatim)
        .map((s) => s.text)
        .join(''),
    ).toBe('we have upgraded relations');
  });

  it('keeps the verbatim mark of a quotation however it is nested, and gives it to nothing around it', () => {
    for (const md of ['*As said, :q[extraordinary achievements] followed.*', '**_Twice :q[considerable reorganisation]_ nested.**', ':q[whole *considerable* quotation] then plain']) {
      const { blocks } = parse(md);
      const p = blocks[0];
      if (p?.type !== 'paragraph') throw new Error('paragraph expected');
      const quoted = /“(.*)”/.exec(p.spans.map((s) => s.text).join(''))![1];
      expect(
        p.spans
          .filter((s) => s.verbatim)
          .map((s) => s.text)
          .join(''),
        md,
      ).toBe(quoted);
    }
  });

  it('sets typographic punctuation: curly quotes and apostrophes, en dashes, ellipses', () => {
    const { blocks } = parse(`Viet Nam's "record" year -- as *'planned'*... \`it's code\``);
    const p = blocks[0];
    if (p?.type !== 'paragraph') throw new Error('paragraph expected');
    expect(p.spans.map((s) => s.text).join('')).toBe("Viet Nam’s “record” year – as ‘planned’… it's code");
  });

  it('prints a claim figure as printed, with its citation', () => {
    const { blocks } = parse('About :fig[claim-x] agreements.');
    const p = blocks[0];
    if (p?.type !== 'paragraph') throw new Error('paragraph expected');
    expect(p.spans.map((s) => s.text).join('')).toBe('About nearly 350 [2] agreements.');
  });

  it('reports unknown citations and directives with their line', () => {
    const { diagnostics } = parse('ok\n\n:cite[nope]\n\n::unknown');
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'unknown claim or source "nope" in a citation'],
      [5, 'unknown leaf directive "unknown"'],
    ]);
  });

  it('parses GFM tables with alignment and styled cells', () => {
    const { blocks } = parse('| a | b |\n|---|--:|\n| **x** | 1 |');
    expect(blocks[0]).toMatchObject({ type: 'table', align: [null, 'right'], header: [[{ text: 'a' }], [{ text: 'b' }]], rows: [[[{ text: 'x', bold: true }], [{ text: '1' }]]] });
  });

  it('gives headings unique ids and honours {.unlisted}', () => {
    const { blocks } = parse('# Việt Nam\n\n## Việt Nam\n\n## Notes {.unlisted}');
    expect(blocks.map((b) => (b.type === 'heading' ? [b.id, b.listed, b.spans[0]?.text] : b.type))).toEqual([
      ['viet-nam', true, 'Việt Nam'],
      ['viet-nam-2', true, 'Việt Nam'],
      ['notes', false, 'Notes'],
    ]);
    expect(slug('Đà Nẵng & Huế')).toBe('da-nang-hue');
  });

  it('reads figure, cover, toc, page break and anchor directives', () => {
    const { blocks, diagnostics } = parse(':::cover\n# T\n:::\n\n::toc\n\n:::figure{chart="c"}\nCaption :cite[src-a]\n:::\n\n::pagebreak\n\n::anchor{#here}\nAnchored.');
    expect(diagnostics).toEqual([]);
    expect(blocks.map((b) => b.type)).toEqual(['cover', 'toc', 'figure', 'pageBreak', 'paragraph']);
    expect(blocks[2]).toMatchObject({ chart: 'c' });
    expect(blocks[4]).toMatchObject({ anchor: 'here' });
  });

  it("reads a figure's caption, source line and authored alt text, and refuses a third paragraph", () => {
    const { blocks, diagnostics } = parse(':::figure{chart="c" alt="Trade grew."}\nCaption.\n\nSource: :cite[src-b]\n:::');
    expect(diagnostics).toEqual([]);
    const f = blocks[0];
    if (f?.type !== 'figure') throw new Error('figure expected');
    expect(f.caption.map((s) => s.text).join('')).toBe('Caption.');
    expect(f.source?.map((s) => s.text).join('')).toBe('Source: [2]');
    expect(f.alt).toBe('Trade grew.');
    const bad = parse(':::figure{chart="c"}\nOne.\n\nTwo.\n\nThree.\n:::');
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([[6, 'a figure holds a caption paragraph and an optional source line, not 3 paragraphs']]);
  });
});

describe('typographic punctuation', () => {
  it('leaves alone a block none of whose texts holds what it changes, which is why such a block is not given to it', () => {
    // Texts of letters, spaces and punctuation, in paragraphs of plain and emphasised runs.
    const piece = fc.constantFrom('a', 'b', ' ', ' ', '\n', '\u0085', '.', '. ', '-', '\u2013', '\u2014', '"', "'", '`', '\u2026', '!', '(', ')', ':');
    const run = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const paragraph = fc.array(run, { minLength: 1, maxLength: 4 });
    // retext-smartypants logs what it drops (an en dash and a hyphen made one em dash): smarten silences it.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let changed = 0;
    let untouched = 0;
    try {
      for (const runs of fc.sample(paragraph, { numRuns: 3000, seed: 18 })) {
        const tree: Root = {
          type: 'root',
          children: [{ type: 'paragraph', children: runs.map((value, i) => (i % 2 ? { type: 'emphasis', children: [{ type: 'text', value }] } : { type: 'text', value })) }],
        };
        const before = structuredClone(tree);
        smarten(tree);
        if (!runs.some((value) => PUNCTUATED.test(value))) {
          expect(tree, JSON.stringify(runs)).toEqual(before);
          untouched++;
        } else if (JSON.stringify(tree) !== JSON.stringify(before)) changed++;
      }
    } finally {
      log.mockRestore();
    }
    expect(log).not.toHaveBeenCalled();
    // Both kinds were made: the check passed over some, and the plugin changed some of the others.
    expect(untouched).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(100);
  });

  it('still sets quotes, dashes and ellipses in a block that holds them, and leaves the others as written', () => {
    const { blocks } = parse('A "quoted" word -- and a pause...\n\nPlain text: 12 - 3 = 9.\n\n- it\'s a list');
    const texts = blocks.map((b) => ('spans' in b ? b.spans.map((s) => s.text).join('') : JSON.stringify(b)));
    expect(texts[0]).toBe('A \u201cquoted\u201d word \u2013 and a pause\u2026');
    expect(texts[1]).toBe('Plain text: 12 - 3 = 9.');
    expect(texts[2]).toContain('it\u2019s a list');
    // An en dash and a hyphen as one em dash, which the plugin prints to the standard output unless silenced.
    const log = vi.spyOn(console, 'log');
    try {
      const [dash] = parse('From 2024\u2013-2025.').blocks;
      expect(dash && 'spans' in dash ? dash.spans.map((s) => s.text).join('') : '').toBe('From 2024\u20142025.');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
    // Dots spaced by white space of parse-latin's that JavaScript's \s lacks (U+0085, next line).
    const [spaced] = parse('Wait .\u0085.\u0085. here').blocks;
    expect(spaced && 'spans' in spaced ? spaced.spans.map((s) => s.text).join('') : '').toBe('Wait \u2026 here');
  });
});
