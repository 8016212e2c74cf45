// The contents: pages reserved where `::toc` stands (their number is known from the headings before layout),
// filled once every heading has found its page: title, dot leaders, page number, each row a link.
import type { Contents, Heading } from '../../document.js';
import { measureText } from '../../fonts/index.js';
import { newPage, type LayoutContext, type PlacedHeading } from '../context.js';
import { artifact, group, leaf, marked, reserve, within } from '../tags.js';
import { drawText, measureSpans } from '../text.js';

const listed = (depth: number) => (h: { listed: boolean; depth: number }) => h.listed && h.depth <= depth;

function titleHeight(ctx: LayoutContext): number {
  const t = ctx.theme.headings;
  return (t.sizes[0] ?? 20) * 1.25 + (t.spaceAfter[0] ?? 12) + 6;
}

/** How many pages `rows` contents lines need. */
export function contentsPages(ctx: LayoutContext, rows: number): number {
  const rowHeight = ctx.theme.contents.size * ctx.theme.contents.leading;
  const pageRows = Math.floor((ctx.bottom - ctx.top) / rowHeight);
  const firstRows = Math.floor((ctx.bottom - ctx.top - titleHeight(ctx)) / rowHeight);
  return rows <= firstRows ? 1 : 1 + Math.ceil((rows - firstRows) / pageRows);
}

export const contents = {
  minStart: () => 0,
  place(_c: Contents, ctx: LayoutContext) {
    if (!ctx.atTop) newPage(ctx);
    const rows = (ctx.allHeadings as Heading[]).filter(listed(ctx.theme.contents.depth)).length;
    const count = contentsPages(ctx, rows);
    // Its place in the reading order is here, though it is drawn last.
    ctx.contents = { first: ctx.page, count, structure: reserve(ctx, 'Sect') };
    for (let i = 0; i < count; i++) newPage(ctx);
  },
};

/** Draws the reserved contents pages. Page numbers are physical (the cover is page 1). */
export function fillContents(ctx: LayoutContext): void {
  const reserved = ctx.contents;
  if (!reserved) return;
  const { doc, theme } = ctx;
  const c = theme.contents;
  const rowHeight = c.size * c.leading;
  const entries = ctx.headings.filter(listed(c.depth));
  let page = reserved.first;
  doc.switchToPage(page);
  let y = ctx.top;
  const title = measureSpans([{ text: theme.labels.contents ?? '' }], { ...ctx.body, family: theme.headings.font, bold: true, size: theme.headings.sizes[0] ?? 20, leading: 1.25, color: theme.headings.color }, ctx.frame.width, ctx.fonts);
  within(ctx, reserved.structure, () => {
    leaf(ctx, 'H1', () => drawText(doc, title, ctx.frame.x, y, 'left'));
    y += titleHeight(ctx);
    group(ctx, 'TOC', () => {
      for (const entry of entries) {
        if (y + rowHeight > ctx.bottom) {
          page += 1;
          doc.switchToPage(page);
          y = ctx.top;
        }
        group(ctx, 'TOCI', () => group(ctx, 'Reference', () => group(ctx, 'Link', () => drawEntry(ctx, entry, y, rowHeight))));
        y += rowHeight;
      }
    });
  });
  reserved.structure.end();
}

function drawEntry(ctx: LayoutContext, entry: PlacedHeading, y: number, rowHeight: number): void {
  const { doc, theme } = ctx;
  const c = theme.contents;
  const indent = (entry.depth - 1) * 16;
  const x = ctx.frame.x + indent;
  const width = ctx.frame.width - indent;
  const style = { ...ctx.body, family: theme.headings.font, size: c.size, leading: c.leading, bold: entry.depth === 1 };
  const number = String(entry.page + 1);
  const font = ctx.fonts.get(style.family, style.bold).font;
  const numberWidth = measureText(font, number, c.size);
  const titleText = measureSpans([{ text: entry.text }], style, width - numberWidth - 24, ctx.fonts);
  const firstLine = { ...titleText, lines: titleText.lines.slice(0, 1) };
  marked(ctx, 'Link', () => drawText(doc, firstLine, x, y, 'left'));
  const numberText = measureSpans([{ text: number }], style, width, ctx.fonts);
  marked(ctx, 'Link', () => drawText(doc, numberText, x, y, 'right'));
  // Dot leaders between the title and the number, aligned to the right.
  const start = x + (firstLine.lines[0]?.natural ?? 0) + 8;
  const end = x + width - numberWidth - 6;
  const unit = measureText(ctx.fonts.get(style.family).font, ' .', c.size);
  const dots = Math.max(0, Math.floor((end - start) / unit));
  if (dots > 0) {
    const leader = measureSpans([{ text: ' .'.repeat(dots).trim() }], { ...style, bold: false, color: theme.colors.muted }, width, ctx.fonts);
    artifact(ctx, () => void drawText(doc, leader, end - (leader.lines[0]?.natural ?? 0), y, 'left'));
  }
  // The row's Link element holds the annotation too (PDF/UA), which describes itself in /Contents.
  const link = ctx.tags.stack[ctx.tags.stack.length - 1]!;
  doc.goTo(x, y, width, rowHeight, entry.id, { structParent: link, Contents: new String(`${entry.text} ${number}`) } as unknown as PDFKit.Mixins.AnnotationOption);
}
