// Where a reader finds each discrepancy and each figure of a built review, from the boxes the layout placed (never by
// reading the PDF back): what the preview's side list links to.
import type { Review } from '../review.js';
import type { LayoutResult, Places } from './types.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A discrepancy is on the page of the first table row whose first cell begins with its id as a word ("D1 major" is
 * D1's row, "D10" is not); a template that lists discrepancies otherwise gives none, and the list leaves them out.
 * A figure is on the page of its chart's box; its caption is the caption lines drawn right after it. Figures are
 * numbered in the order drawn, which is their order in the document (a figure waiting for room holds back the next).
 */
export function placesOf(review: Review, layout: LayoutResult): Places {
  const { boxes } = layout;
  const rows = boxes.filter((b) => b.kind === 'row');
  const discrepancies = review.discrepancies.discrepancies.flatMap(({ id }) => {
    const starts = new RegExp(`^${escapeRegExp(id)}(?![\\p{L}\\p{N}])`, 'u');
    const row = rows.find((r) => starts.test(r.text ?? ''));
    return row ? [{ id, page: row.page }] : [];
  });
  const figures = boxes.flatMap((b, i) => {
    if (b.kind !== 'figure') return [];
    const after = boxes.slice(i + 1);
    const end = after.findIndex((c) => c.kind !== 'caption');
    const caption = (end < 0 ? after : after.slice(0, end)).map((c) => c.text ?? '').join(' ');
    return [{ caption, page: b.page }];
  });
  return { discrepancies, figures: figures.map((f, i) => ({ number: i + 1, ...f })) };
}
