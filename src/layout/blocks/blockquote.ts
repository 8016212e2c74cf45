// Block quotes: indented, in the muted colour, with a bar in the margin on each page they cover.
import type { BlockQuote } from '../../document.js';
import { withFrame, type LayoutContext } from '../context.js';
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
      const startPage = ctx.page;
      const startY = ctx.y;
      try {
        group(ctx, 'BlockQuote', () => withFrame(ctx, frame, () => flow.place(q.children, ctx)));
      } finally {
        ctx.body = body;
      }
      const top = ctx.page === startPage ? startY : ctx.top;
      const barX = frame.x - t.indent / 2;
      artifact(ctx, () => ctx.doc.save().moveTo(barX, top).lineTo(barX, ctx.y - ctx.theme.text.paragraphSpacing).lineWidth(2).strokeColor(t.bar).stroke().restore());
    },
  };
}
