// The page of each discrepancy and figure, as the layout recorded it, checked against the text read back from the PDF.
import { describe, expect, it } from 'vitest';
import { placesOf, type BoxKind, type LayoutBox } from '../../src/layout/index.js';
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
  it("takes a row whose first cell begins with the id as a word, not a longer id, and a figure's caption lines", () => {
    const review = { discrepancies: { discrepancies: [{ id: 'D1' }, { id: 'D2' }] } } as never;
    const box = (kind: BoxKind, page: number, text?: string): LayoutBox => ({ kind, page, x: 0, y: 0, width: 1, height: 1, ...(text === undefined ? {} : { text }) });
    const boxes = [
      box('row', 3, 'D10 high'),
      box('row', 4, 'D1 low'),
      box('row', 5, 'D1 again'),
      box('figure', 6),
      box('caption', 6, 'Figure 1. A'),
      box('caption', 6, 'caption.'),
      box('line', 6, 'Text.'),
    ];
    const layout = { boxes, headings: [], pages: 6, citedOn: new Map(), continuedTables: [], page: { width: 1, height: 1, top: 0, bottom: 1, left: 0, right: 1 } };
    expect(placesOf(review, layout)).toEqual({ discrepancies: [{ id: 'D1', page: 4 }], figures: [{ number: 1, caption: 'Figure 1. A caption.', page: 6 }] });
  });

  it('takes ids of any characters, ended by punctuation or the end of the text, and a caption that ends the boxes', () => {
    const review = { discrepancies: { discrepancies: [{ id: 'X-3' }, { id: 'X-30' }, { id: 'Đ1' }, { id: 'Q' }, { id: 'none' }] } } as never;
    const box = (kind: BoxKind, page: number, text?: string): LayoutBox => ({ kind, page, x: 0, y: 0, width: 1, height: 1, ...(text === undefined ? {} : { text }) });
    const boxes = [
      box('row', 1, 'X-300 no'),
      box('row', 2, 'X-30: yes'),
      box('row', 3, 'X-3'),
      box('row', 4, 'Đ1–2'),
      box('row', 5, 'Q𝟙'),
      box('row', 6, 'Q.'),
      box('figure', 7),
      box('caption', 7, 'Last.'),
    ];
    const layout = { boxes, headings: [], pages: 7, citedOn: new Map(), continuedTables: [], page: { width: 1, height: 1, top: 0, bottom: 1, left: 0, right: 1 } };
    expect(placesOf(review, layout)).toEqual({
      discrepancies: [
        { id: 'X-3', page: 3 },
        { id: 'X-30', page: 2 },
        { id: 'Đ1', page: 4 },
        { id: 'Q', page: 6 },
      ],
      figures: [{ number: 1, caption: 'Last.', page: 7 }],
    });
  });
});
