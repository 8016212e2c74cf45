// Running heads (report title, current chapter) and "Page X of Y" on every page but the cover, drawn once the
// page count is known.
import { fillPattern } from '../text/format.js';
import type { LayoutContext } from './context.js';
import { artifact } from './tags.js';
import { drawText, measureSpans } from './text.js';

/** The chapter a page belongs to: the last chapter heading at or before it, or the contents. */
function chapterOf(ctx: LayoutContext, page: number): string {
  if (ctx.contents && page >= ctx.contents.first && page < ctx.contents.first + ctx.contents.count) return ctx.theme.labels.contents ?? '';
  let title = '';
  for (const h of ctx.headings) if (h.depth === 1 && h.page <= page) title = h.text;
  return title;
}

export function drawFurniture(ctx: LayoutContext, title: string): void {
  const { doc, theme } = ctx;
  const f = theme.furniture;
  const style = { ...ctx.body, family: theme.table.font, size: f.size, leading: 1.2, color: f.color };
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let p = range.start + 1; p < range.start + pages; p++) {
    doc.switchToPage(p);
    const headY = theme.page.margins.top - 30;
    const footY = doc.page.height - theme.page.margins.bottom + 22;
    const { x, width } = ctx.frame;
    const half = width / 2 - 6;
    artifact(
      ctx,
      () => {
        drawText(doc, measureSpans([{ text: title }], style, half, ctx.fonts), x, headY, 'left', 0, 1);
        drawText(doc, measureSpans([{ text: chapterOf(ctx, p) }], style, half, ctx.fonts), x + width - half, headY, 'right', 0, 1);
        doc
          .save()
          .moveTo(x, headY + f.size * 1.2 + 4)
          .lineTo(x + width, headY + f.size * 1.2 + 4)
          .lineWidth(0.4)
          .strokeColor(theme.colors.rule)
          .stroke()
          .restore();
        const side = f.align === 'outside' ? ((p + 1) % 2 === 0 ? 'left' : 'right') : f.align;
        drawText(doc, measureSpans([{ text: fillPattern(theme.labels.pageNumber ?? '{page}', { page: String(p + 1), pages: String(pages) }) }], style, width, ctx.fonts), x, footY, side);
      },
      'Pagination',
    );
  }
}
