// The engine's sentences for any data: capitals by position, no doubled nouns, the build's locale, linked [n]
// markers; and :fig in the narrative, on the fictional Marenna fixture (tests/fixtures/marenna).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casingOf, figureInSentence, labelInSentence } from '../../src/text/casing.js';
import { hedgeVocabulary } from '../../src/text/hedges.js';
import { loadDataset } from '../../src/dataset/load.js';
import { loadLocale } from '../../src/locale/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { loadReview, templateDirs, toDocument } from '../../src/pipeline.js';
import { diagnosticsOf, folderMaker } from '../support.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'marenna');
const en = loadLocale(templateDirs(), 'en');
const vi = loadLocale(templateDirs(), 'vi');
const review = loadReview(fixture, en);
const explanationOf = (claim: string, r = review) => r.discrepancies.discrepancies.find((d) => d.claims.some((c) => c.claim === claim))?.explanation;

describe('capitals by position', () => {
  const casing = casingOf(review.dataset, hedgeVocabulary(review.dataset.meta.hedges), 'en');

  it("lowers a figure that began its source's sentence, never a name", () => {
    expect(figureInSentence({ printed: 'About 2.4 million', quote: 'About 2.4 million people live abroad.' }, casing)).toBe('about 2.4 million');
    expect(figureInSentence({ printed: 'About 2.4 million', quote: 'The count. About 2.4 million people live abroad.' }, casing)).toBe('about 2.4 million');
    // Capitalised mid-sentence by the source: a name, kept.
    expect(figureInSentence({ printed: 'Marennese 2.4 million', quote: 'the Marennese 2.4 million abroad' }, casing)).toBe('Marennese 2.4 million');
    // At the start of the source's sentence, but a word the dataset never writes in lower case: a name, kept.
    expect(figureInSentence({ printed: 'Marennese 2.4 million', quote: 'Marennese 2.4 million live abroad.' }, casing)).toBe('Marennese 2.4 million');
    expect(labelInSentence('Marennese diaspora', casing)).toBe('Marennese diaspora');
    expect(labelInSentence('Ferry routes', casing)).toBe('ferry routes');
  });

  it("writes the engine's sentences with figures and labels cased for where they stand", () => {
    const agreement = review.discrepancies.consistent.find((a) => a.metric === 'diaspora');
    expect(agreement?.explanation).toBe(
      'For Marennese diaspora in 2025 the sources give roughly 2.4 million [1], about 2.5 million [2]; every figure allows the same value, so they agree within their hedges.',
    );
  });

  it('prints :fig capitalised at a sentence start and without a capital of position inside one', () => {
    const { blocks, diagnostics } = parseMarkup(review.dataset.narrative[0]!.body + '\n\n:fig[hg-ferry-ratio] as many routes ran.', review.cite, 'narrative.yaml');
    expect(diagnostics).toEqual([]);
    const text = blocks.map((b) => ('spans' in b ? b.spans.map((s) => s.text).join('') : ''));
    expect(text[0]).toBe('Abroad live roughly 2.4 million [1] people of Marennese origin. About 2.5 million [2] is the courier’s count.');
    expect(text[2]).toBe('Twice as many [1] as many routes ran.');
  });
});

describe('nouns', () => {
  it("never sets the metric's noun after a figure that carries its own", () => {
    const explanation = explanationOf('hg-missions-ratio');
    expect(explanation).not.toContain('consulates missions');
    expect(explanation).toBe(
      'For missions abroad, the sources give 38 embassies and consulates or 38 in 2025 and 30 in 2024: a ratio of about 1.27, not the stated one and a half times (which would imply about 25 in 2024).',
    );
  });
});

describe(':fig and the noun after it', () => {
  const folder = folderMaker('annual-review-sentences-');
  /** The fixture with a narrative of one section whose body is `body` (a YAML block). */
  const withNarrative = (body: string) =>
    folder({
      ...Object.fromEntries(['review.yaml', 'sources.yaml', 'metrics.yaml', 'claims.yaml'].map((f) => [f, readFileSync(join(fixture, f), 'utf8')])),
      'narrative.yaml': `sections:\n  - id: overview\n    title: Overview\n    body: |\n${body.replace(/^/gm, '      ')}\n`,
    });

  it('reports a narrative that repeats the noun a figure already carries, at its line', () => {
    const [d, ...rest] = diagnosticsOf(() => loadDataset(withNarrative('The service keeps\n:fig[hg-missions] consulates abroad.')));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'dataset/doubled-noun', path: 'narrative[0].body', line: 6 });
    expect(d!.message).toContain('"38 embassies and consulates"');
  });

  it('leaves a figure without a noun of its own, or followed by other words, alone', () => {
    expect(loadDataset(withNarrative('The service keeps :fig[hg-missions] abroad, and :fig[sb-missions] missions in 2024.')).narrative).toHaveLength(1);
  });
});

describe('locale', () => {
  it("explains in the build's language and digits", () => {
    const vietnamese = loadReview(fixture, vi);
    expect(explanationOf('hg-ferry-ratio', vietnamese)).toBe(
      'Về ferry routes, các nguồn đưa ra 24 năm 2025 và 15 năm 2024: tỷ lệ khoảng 1,6, không phải twice as many như đã nêu (nếu đúng thì năm 2024 phải vào khoảng 12).',
    );
    expect(explanationOf('hg-ferry-ratio')).toBe(
      'For ferry routes, the sources give 24 in 2025 and 15 in 2024: a ratio of about 1.6, not the stated twice as many (which would imply about 12 in 2024).',
    );
  });

  it("links each [n] of an explanation to its source, like the narrative's citations", async () => {
    for (const locale of [en, vi]) {
      const { document } = await toDocument(loadReview(fixture, locale), templateDirs(), locale);
      const cells = document.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((row) => row) : []));
      // The label conflict's finding: "Source [3] calls well over 325,000 … (give or take 300,000 [2]) …".
      const finding = cells.find((spans) => spans.some((s) => s.text.includes('expected container traffic')));
      expect(finding, locale.name).toBeDefined();
      const links = finding!.filter((s) => s.citation !== undefined).map((s) => [s.text, s.citation]);
      expect(links, locale.name).toEqual([
        ['3', 'state-bulletin'],
        ['2', 'valley-courier'],
      ]);
    }
  });
});
