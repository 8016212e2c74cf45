// The sources appendix and the agreement list written for readers, on every dataset in data/ in both locales: no
// internal file name prints, every sentence is ended once ("…2026”." never "…2026”.)."), and a figure the sources
// agree on but name differently is said to be both in one place.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText, type Block } from '../../src/document.js';
import { packageRoot } from '../../src/input/paths.js';
import { exampleBuild } from '../support.js';

const datasets = readdirSync(join(packageRoot, 'data')).filter((d) => existsSync(join(packageRoot, 'data', d, 'review.yaml')));

/** The text of every paragraph and list item, as the layout sets it. */
function paragraphs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' ? [plainText(b.spans)] : b.type === 'list' ? b.items.flatMap(paragraphs) : b.type === 'blockquote' || b.type === 'cover' ? paragraphs(b.children) : [],
  );
}

describe.each(datasets.flatMap((d) => ['en', 'vi'].map((l) => [d, l] as const)))('the appendix of %s in %s', (dataset, locale) => {
  it('prints no file name of a source text', async () => {
    const r = await exampleBuild(dataset, locale);
    const text = paragraphs(r.document.blocks).join('\n');
    const files = r.review.dataset.sources.map((s) => s.file).filter((f): f is string => Boolean(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(text, file).not.toContain(file);
  });

  it('ends each sentence of a source entry once', async () => {
    const r = await exampleBuild(dataset, locale);
    const entries = paragraphs(r.document.blocks).filter((p) => r.review.dataset.sources.some((s) => p.startsWith(`[${r.review.cite(s.id)!.number}] ${s.publisher}`)));
    expect(entries).toHaveLength(r.review.dataset.sources.length);
    for (const entry of entries) {
      expect(entry).not.toMatch(/[.!?…]["'”’»]*\)\./u);
      expect(entry).not.toMatch(/[!?…]["'”’»]*\.|[^.]\.\.(?!\.)/u);
      expect(entry).toMatch(/[.!?…]["'”’»)]*$/u);
    }
  });

  it('says in one place that sources agree on a figure they name differently', async () => {
    const r = await exampleBuild(dataset, locale);
    const { discrepancies, consistent } = r.review.discrepancies;
    const both = consistent.flatMap((a) => discrepancies.filter((d) => d.rule === 'label-conflict' && d.metric === a.metric && d.period === a.period).map((d) => ({ a, d })));
    if (dataset === 'vietnam-2025') expect(both.length).toBeGreaterThan(0);
    const items = paragraphs(r.document.blocks);
    for (const { a, d } of both) {
      const label = r.review.dataset.metrics.find((m) => m.id === a.metric)!.label;
      const item = items.find((p) => p.startsWith(`${label}, ${a.period}.`));
      expect(item, label).toBeDefined();
      expect(item).toContain(d.id);
    }
  });
});
