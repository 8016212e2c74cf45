// Where a reader finds each discrepancy and each figure of a built review, from the pages the layout stage recorded
// (never by reading the PDF back): what the preview's side list links to.
import type { Review } from '../review.js';
import type { LayoutResult, Places } from './types.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A discrepancy is on the page of the first table row whose label begins with its id as a word ("D1 high" is D1's
 * row, "D10" is not); a template that lists discrepancies otherwise gives none, and the list just leaves them out.
 */
export function placesOf(review: Review, layout: LayoutResult): Places {
  const rows = layout.landmarks.filter((l) => l.kind === 'row');
  const discrepancies = review.discrepancies.discrepancies.flatMap(({ id }) => {
    const starts = new RegExp(`^${escapeRegExp(id)}(?![\\p{L}\\p{N}])`, 'u');
    const row = rows.find((r) => starts.test(r.name));
    return row ? [{ id, page: row.page }] : [];
  });
  const figures = layout.landmarks.filter((l) => l.kind === 'figure').map((l) => ({ number: Number(l.name), caption: l.text ?? '', page: l.page }));
  return { discrepancies, figures };
}
