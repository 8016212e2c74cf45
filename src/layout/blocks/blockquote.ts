// Block quotes: indented, in the muted colour, with a bar in the margin on each page they cover.
import type { BlockQuote } from '../../document.js';
import { ensure, withFrame, type LayoutContext } from '../context.js';
import { placeBox } from '../boxes.js';
import { artifact, group } from '../tags.js';
import type { BlockFlow } from './list.js';

export function blockquote(flow: BlockFlow) {
  return {
    minStart: (q: BlockQuote, ctx: LayoutContext) => (q.children[0] ? flow.minStart(q.children[0], ctx) : 0),
    place(q: BlockQuote, ctx: LayoutContext) {
      const t = ctx.theme.blockquote;
      const frame = { x: ctx.frame.x + t.indent, width: ctx.frame.width - t.indent };
      const body = ctx.body;
      ctx.body = { ...body, color: t.color, italic: true };
      // Start where the first lines fit, so that the bar never begins on a page the quote leaves at once.
      const first = q.children[0];
      if (first) withFrame(ctx, frame, () => ensure(ctx, flow.minStart(first, ctx)));
      const startPage = ctx.page;
      const startY = ctx.y;
      try {
        group(ctx, 'BlockQuote', () => withFrame(ctx, frame, () => flow.place(q.children, ctx)));
      } finally {
        ctx.body = body;
      }
      // The bar runs beside the quote on every page it covers: from its start, through whole pages (below any figure
      // floated to their top), to its end.
      const barX = frame.x - t.indent / 2;
      const endPage = ctx.page;
      for (let page = startPage; page <= endPage; page++) {
        const top = page === startPage ? startY : (ctx.flowTop.get(page) ?? ctx.top);
        const bottom = page === endPage ? ctx.y - ctx.theme.text.paragraphSpacing : ctx.bottom;
        if (bottom <= top) continue;
        ctx.doc.switchToPage(page);
        artifact(ctx, () => ctx.doc.save().moveTo(barX, top).lineTo(barX, bottom).lineWidth(2).strokeColor(t.bar).stroke().restore());
        placeBox(ctx, 'rule', barX - 1, top, 2, bottom - top, { page });
      }
      ctx.doc.switchToPage(endPage);
    },
  };
}
