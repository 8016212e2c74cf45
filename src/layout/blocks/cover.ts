// The cover: a full-bleed colour page; its first heading is the title, a second-level heading the subtitle,
// paragraphs follow in the cover's type.
import type { Cover } from '../../document.js';
import { newPage, type LayoutContext } from '../context.js';
import { drawText, measureSpans, textHeight } from '../text.js';

export const cover = {
  minStart: () => 0,
  place(c: Cover, ctx: LayoutContext) {
    const { doc, theme } = ctx;
    const t = theme.cover;
    if (!ctx.atTop) newPage(ctx);
    const { width, height } = doc.page;
    doc.save().rect(0, 0, width, height).fill(t.background).restore();
    doc.save().rect(ctx.frame.x, height * 0.3 - 18, 56, 4).fill(t.accent).restore();
    let y = height * 0.3;
    const base = { ...ctx.body, color: t.color, linkColor: t.color };
    for (const block of c.children) {
      if (block.type === 'heading') {
        const size = block.depth === 1 ? t.titleSize : t.subtitleSize;
        const m = measureSpans(block.spans, { ...base, family: theme.headings.font, bold: block.depth === 1, size, leading: 1.15 }, ctx.frame.width, ctx.fonts);
        drawText(doc, m, ctx.frame.x, y, 'left');
        y += textHeight(m) + (block.depth === 1 ? 14 : 10);
      } else if (block.type === 'paragraph') {
        const m = measureSpans(block.spans, { ...base, family: theme.table.font, size: 11, leading: 1.45 }, ctx.frame.width * 0.8, ctx.fonts);
        drawText(doc, m, ctx.frame.x, y, 'left');
        y += textHeight(m) + 6;
      } else if (block.type === 'rule') {
        y = Math.max(y + 24, height * 0.72);
        doc.save().moveTo(ctx.frame.x, y).lineTo(ctx.frame.x + ctx.frame.width, y).lineWidth(0.6).strokeColor(t.color).opacity(0.5).stroke().restore();
        y += 14;
      }
    }
    newPage(ctx);
  },
};
