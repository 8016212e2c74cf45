// Places measured text in the flow, breaking across pages between lines with at least two lines on each side.
import { advance, newPage, recordCitations, type LayoutContext } from '../context.js';
import { placeTextBoxes } from '../boxes.js';
import { textTags } from '../tags.js';
import { drawText, type Alignment, type MeasuredText } from '../text.js';

const MIN_LINES = 2;

export function placeText(ctx: LayoutContext, m: MeasuredText, align: Alignment, x = ctx.frame.x): void {
  const n = m.lines.length;
  let from = 0;
  while (from < n) {
    const room = Math.floor((ctx.bottom - ctx.y + 0.01) / m.lineHeight);
    const left = n - from;
    let take = Math.min(room, left);
    // No orphan at the foot of a page, no widow at the head of the next.
    if (take < left) take = Math.min(take, left - MIN_LINES);
    if (take < Math.min(MIN_LINES, left) && !ctx.atTop) {
      newPage(ctx);
      continue;
    }
    take = Math.max(take, 1);
    const drawn = drawText(ctx.doc, m, x, ctx.y, align, from, from + take, textTags(ctx));
    recordCitations(ctx, drawn);
    placeTextBoxes(ctx, 'line', m, x, ctx.y, from, from + take);
    advance(ctx, take * m.lineHeight);
    from += take;
    if (from < n) newPage(ctx);
  }
}

/**
 * Height of the first lines that must fit for the text to start on this page: two lines, or the whole text when
 * it is too short to break (fewer than two lines on each side). Headings and list markers keep with this much.
 */
export function firstLinesHeight(m: MeasuredText): number {
  const n = m.lines.length;
  return (n < 2 * MIN_LINES ? n : MIN_LINES) * m.lineHeight;
}
