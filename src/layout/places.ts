// Where a reader finds each discrepancy and each figure of a built review, from the boxes the layout placed (never by
// reading the PDF back): what the preview's side list links to.
import type { Review } from '../review.js';
import type { LayoutResult, Places } from './types.js';

/** A letter or a number: an id followed by one is part of a longer word ("D10" is not D1's). */
const WORD = /[\p{L}\p{N}]/u;

/**
 * The first row (in the order drawn) whose text begins with each of `ids` as a word: each row's beginnings that end
 * at a word's end are looked up, so that the time grows with the rows, not with rows times ids.
 */
function firstRows<Row extends { text?: string | undefined }>(ids: readonly string[], rows: readonly Row[]): Map<string, Row> {
  const wanted = new Set(ids);
  const longest = Math.max(0, ...ids.map((id) => id.length));
  const found = new Map<string, Row>();
  for (const row of rows) {
    const text = row.text ?? '';
    for (let k = 1; k <= Math.min(longest, text.length); k++) {
      const next = text.charCodeAt(k);
      // Not between the two halves of a character, nor before a letter or number.
      if (k < text.length && ((next >= 0xdc00 && next <= 0xdfff) || WORD.test(String.fromCodePoint(text.codePointAt(k)!)))) continue;
      const id = text.slice(0, k);
      if (wanted.has(id) && !found.has(id)) found.set(id, row);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

/**
 * A discrepancy is on the page of the first table row whose first cell begins with its id as a word ("D1 major" is
 * D1's row, "D10" is not); a template that lists discrepancies otherwise gives none, and the list leaves them out.
 * A figure is on the page of its chart's box; its caption is the caption lines drawn right after it. Figures are
 * numbered in the order drawn, which is their order in the document (a figure waiting for room holds back the next).
 */
export function placesOf(review: Review, layout: LayoutResult): Places {
  const { boxes } = layout;
  const rows = boxes.filter((b) => b.kind === 'row');
  const listed = review.discrepancies.discrepancies.map(({ id }) => id);
  const first = firstRows(listed, rows);
  const discrepancies = listed.flatMap((id) => {
    const row = first.get(id);
    return row ? [{ id, page: row.page }] : [];
  });
  const figures = boxes.flatMap((b, i) => {
    if (b.kind !== 'figure') return [];
    let end = i + 1;
    while (end < boxes.length && boxes[end]!.kind === 'caption') end++;
    const caption = boxes
      .slice(i + 1, end)
      .map((c) => c.text ?? '')
      .join(' ');
    return [{ caption, page: b.page }];
  });
  return { discrepancies, figures: figures.map((f, i) => ({ number: i + 1, ...f })) };
}
