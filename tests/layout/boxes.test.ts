// The layout of every dataset in data/, in both locales, checked on the boxes it placed rather than on the PDF.
import { describe, expect, it } from 'vitest';
import { exampleBuild } from '../support.js';
import { displacedFigures, halfEmptyPages, outsideMargins, overlaps } from './box-checks.js';

const cases = ['vietnam-2025', 'marenna-2025'].flatMap((data) => ['en', 'vi'].map((locale) => ({ data, locale })));

describe.each(cases)('the layout of $data in $locale', ({ data, locale }) => {
  const layout = async () => (await exampleBuild(data, locale)).layout;

  it('records the boxes it placed on every page', async () => {
    const l = await layout();
    const pages = new Set(l.boxes.map((b) => b.page));
    expect(pages.size).toBe(l.pages);
    expect(l.boxes.filter((b) => b.kind === 'figure').length).toBeGreaterThan(0);
  });
  it('places no box outside the margins', async () => expect(outsideMargins(await layout())).toEqual([]));
  it('places no box over another', async () => expect(overlaps(await layout())).toEqual([]));
  it('leaves no page more than half empty but a chapter’s last', async () => expect(halfEmptyPages(await layout())).toEqual([]));
  it('puts every figure on the page of its place in the text or the next with room', async () => expect(displacedFigures(await layout())).toEqual([]));
});
