// The page of each discrepancy and figure, as the layout recorded it, checked against the text read back from the PDF.
import { describe, expect, it } from 'vitest';
import { placesOf } from '../../src/layout/index.js';
import { readPdf } from '../pdf-reader.js';
import { exampleBuild } from '../support.js';

const normal = (s: string) => s.replace(/\s+/g, ' ');

describe.each(['vietnam-2025', 'marenna-2025'])('places of %s', (name) => {
  it('gives every discrepancy and figure the page it is printed on', async () => {
    const result = await exampleBuild(name);
    const pages = (await readPdf(result.pdf)).pages.map(normal);
    const { discrepancies, figures } = result.places;
    expect(discrepancies.map((d) => d.id)).toEqual(result.review.discrepancies.discrepancies.map((d) => d.id));
    expect(figures.length).toBeGreaterThan(0);
    for (const d of discrepancies) expect(pages[d.page - 1], d.id).toMatch(new RegExp(`(^|\\s)${d.id}(\\s|$)`));
    for (const f of figures) expect(pages[f.page - 1], `figure ${f.number}`).toContain(normal(f.caption).slice(0, 40));
    expect(figures.map((f) => f.number)).toEqual(figures.map((_, i) => i + 1));
  });
});

describe('placesOf', () => {
  it('takes a row whose label begins with the id as a word, not a longer id', () => {
    const review = { discrepancies: { discrepancies: [{ id: 'D1' }, { id: 'D2' }] } } as never;
    const row = (name: string, page: number) => ({ kind: 'row' as const, name, page });
    const layout = { landmarks: [row('D10 high', 3), row('D1 low', 4), row('D1 again', 5)], headings: [], pages: 5, citedOn: new Map(), continuedTables: [] };
    expect(placesOf(review, layout)).toEqual({ discrepancies: [{ id: 'D1', page: 4 }], figures: [] });
  });
});
