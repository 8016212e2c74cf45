// Typographic punctuation as remark-smartypants 3.0.3 sets it, with the same options: every block of both example
// reviews in both locales, and generated blocks of every kind it reads (paragraphs, headings, table cells, code spans,
// emphasis and links), come out of `smarten` as they come out of the plugin.
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it, vi } from 'vitest';
import { parseWhole, smarten } from '../../src/markup/index.js';
import { EXAMPLE_REVIEWS, exampleBuild } from '../support.js';

/** The plugin's transform, as unified would make it (it does not read the processor). */
const plugin = (remarkSmartypants as unknown as (options: { dashes: 'oldschool' }) => (tree: Root) => void)({ dashes: 'oldschool' });

/** The block set by the plugin and by `smarten`, each in a copy of its own. */
function bothWays(block: RootContent): { plugin: Root; ours: Root } {
  const theirs: Root = { type: 'root', children: [structuredClone(block)] };
  const ours: Root = { type: 'root', children: [structuredClone(block)] };
  plugin(theirs);
  smarten(ours);
  return { plugin: theirs, ours };
}

describe('typographic punctuation as remark-smartypants sets it', () => {
  // The plugin prints what it drops (an en dash and a hyphen made one em dash).
  const quiet = () => vi.spyOn(console, 'log').mockImplementation(() => undefined);

  it.each(EXAMPLE_REVIEWS)('on every block of the %s review (%s)', async (name, locale) => {
    const { markdown } = await exampleBuild(name, locale);
    const log = quiet();
    let changed = 0;
    try {
      for (const block of parseWhole(markdown.normalize('NFC')).children) {
        const { plugin: theirs, ours } = bothWays(block);
        expect(ours).toEqual(theirs);
        if (JSON.stringify(ours.children[0]) !== JSON.stringify(block)) changed++;
      }
    } finally {
      log.mockRestore();
    }
    expect(changed).toBeGreaterThan(5);
  });

  it('on generated blocks of every kind it reads', () => {
    const piece = fc.constantFrom('a', 'b', '80s', ' ', '\n', '\u0085', '.', '. ', '-', '\u2013', '\u2014', '"', "'", "''", '`', '``', '\u2026', '!', '(', ')', ':');
    const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
    const phrasing = fc.oneof(
      text.map((value): PhrasingContent => ({ type: 'text', value })),
      text.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
      text.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
      fc.tuple(text, text).map(([a, b]): PhrasingContent => ({
        type: 'link',
        url: 'https://example.org',
        children: [
          { type: 'text', value: a },
          { type: 'strong', children: [{ type: 'text', value: b }] },
        ],
      })),
    );
    const runs = fc.array(phrasing, { minLength: 1, maxLength: 5 });
    const block = fc.oneof(
      runs.map((children): RootContent => ({ type: 'paragraph', children })),
      runs.map((children): RootContent => ({ type: 'heading', depth: 2, children })),
      fc
        .array(runs, { minLength: 1, maxLength: 3 })
        .map((cells): RootContent => ({ type: 'table', children: [{ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }] })),
      fc.array(runs, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({
        type: 'list',
        children: items.map((children) => ({ type: 'listItem', children: [{ type: 'paragraph', children }] })),
      })),
    );
    const log = quiet();
    let changed = 0;
    try {
      for (const b of fc.sample(block, { numRuns: 2000, seed: 25 })) {
        const { plugin: theirs, ours } = bothWays(b);
        expect(ours, JSON.stringify(b)).toEqual(theirs);
        if (JSON.stringify(ours.children[0]) !== JSON.stringify(b)) changed++;
      }
    } finally {
      log.mockRestore();
    }
    // Most blocks hold something the plugin changes, so the comparison tests what it does, not what it leaves.
    expect(changed).toBeGreaterThan(1000);
  });
});
