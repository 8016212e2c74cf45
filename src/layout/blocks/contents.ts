// The contents: pages reserved where `::toc` stands (their number is known from the headings before layout, nested
// ones included), filled once every heading has found its page: title, dot leaders, page number, each entry a link
// that wraps onto more lines when it is long.
import { plainText, type Contents } from '../../document.js';
import { measureText } from '../../fonts/index.js';
import { flushFloats, newPage, type LayoutContext, type PlacedHeading } from '../context.js';
import { placeTextBoxes } from '../boxes.js';
import { artifact, group, leaf, marked, reserve, within } from '../tags.js';
import { drawText, measureSpans } from '../text.js';

const listed = (depth: number) => (h: { listed: boolean; depth: number }) => h.listed && h.depth <= depth;

function titleHeight(ctx: LayoutContext): number {
  const t = ctx.theme.headings;
  return (t.sizes[0] ?? 20) * 1.25 + (t.spaceAfter[0] ?? 12) + 6;
}

/** An entry's title measured beside the room kept for its page number (four digits, so the reserved count holds). */
function measureEntry(ctx: LayoutContext, text: string, depth: number) {
  const { theme } = ctx;
  const c = theme.contents;
  const indent = (depth - 1) * 16;
  const x = ctx.frame.x + indent;
  const width = ctx.frame.width - indent;
  const style = { ...ctx.body, family: theme.headings.font, size: c.size, leading: c.leading, bold: depth === 1 };
  const numberRoom = measureText(ctx.fonts.get(style.family, style.bold).font, '0000', c.size);
  return { x, width, style, title: measureSpans([{ text }], style, width - numberRoom - 24, ctx.fonts) };
}

/**
 * Where each entry goes: its page (counted from the first contents page) and its top. An entry of several lines
 * never splits; the same plan reserves the pages and fills them.
 */
function plan(ctx: LayoutContext, entries: readonly { text: string; depth: number }[]): { page: number; y: number; lines: number }[] {
  const rowHeight = ctx.theme.contents.size * ctx.theme.contents.leading;
  let page = 0;
  let y = ctx.top + titleHeight(ctx);
  return entries.map((e) => {
    const lines = Math.max(1, measureEntry(ctx, e.text, e.depth).title.lines.length);
    if (y + lines * rowHeight > ctx.bottom + 0.01 && y > ctx.top) {
      page += 1;
      y = ctx.top;
    }
    const at = { page, y, lines };
    y += lines * rowHeight;
    return at;
  });
}

export const contents = {
  minStart: () => 0,
  place(_c: Contents, ctx: LayoutContext) {
    flushFloats(ctx);
    if (!ctx.atTop) newPage(ctx);
    const entries = ctx.allHeadings.filter(listed(ctx.theme.contents.depth)).map((h) => ({ text: plainText(h.spans), depth: h.depth }));
    const count = 1 + Math.max(0, ...plan(ctx, entries).map((e) => e.page));
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
  const places = plan(ctx, entries);
  doc.switchToPage(reserved.first);
  const title = measureSpans(
    [{ text: theme.labels.contents ?? '' }],
    { ...ctx.body, family: theme.headings.font, bold: true, size: theme.headings.sizes[0] ?? 20, leading: 1.25, color: theme.headings.color },
    ctx.frame.width,
    ctx.fonts,
  );
  within(ctx, reserved.structure, () => {
    leaf(ctx, 'H1', () => drawText(doc, title, ctx.frame.x, ctx.top, 'left'));
    placeTextBoxes(ctx, 'heading', title, ctx.frame.x, ctx.top, 0, title.lines.length, reserved.first);
    group(ctx, 'TOC', () => {
      entries.forEach((entry, i) => {
        const at = places[i]!;
        const page = reserved.first + at.page;
        doc.switchToPage(page);
        group(ctx, 'TOCI', () => group(ctx, 'Reference', () => group(ctx, 'Link', () => drawEntry(ctx, entry, at.y, rowHeight, page))));
      });
    });
  });
  reserved.structure.end();
}

function drawEntry(ctx: LayoutContext, entry: PlacedHeading, y: number, rowHeight: number, page: number): void {
  const { doc, theme } = ctx;
  const c = theme.contents;
  const { x, width, style, title } = measureEntry(ctx, entry.text, entry.depth);
  const number = String(entry.page + 1);
  const numberWidth = measureText(ctx.fonts.get(style.family, style.bold).font, number, c.size);
  marked(ctx, 'Link', () => drawText(doc, title, x, y, 'left'));
  placeTextBoxes(ctx, 'contents', title, x, y, 0, title.lines.length, page);
  // The number and the dot leaders stand on the entry's last line.
  const lastY = y + Math.max(0, title.lines.length - 1) * rowHeight;
  const numberText = measureSpans([{ text: number }], style, width, ctx.fonts);
  marked(ctx, 'Link', () => drawText(doc, numberText, x, lastY, 'right'));
  // Dot leaders between the title and the number, aligned to the right.
  const start = x + (title.lines[title.lines.length - 1]?.natural ?? 0) + 8;
  const end = x + width - numberWidth - 6;
  const unit = measureText(ctx.fonts.get(style.family).font, ' .', c.size);
  const dots = Math.max(0, Math.floor((end - start) / unit));
  if (dots > 0) {
    const leader = measureSpans([{ text: ' .'.repeat(dots).trim() }], { ...style, bold: false, color: theme.colors.muted }, width, ctx.fonts);
    artifact(ctx, () => void drawText(doc, leader, end - (leader.lines[0]?.natural ?? 0), lastY, 'left'));
  }
  // The row's Link element holds the annotation too (PDF/UA), which describes itself in /Contents.
  const link = ctx.tags.stack[ctx.tags.stack.length - 1]!;
  doc.goTo(x, y, width, Math.max(1, title.lines.length) * rowHeight, entry.id, { structParent: link, Contents: new String(`${entry.text} ${number}`) } as unknown as PDFKit.Mixins.AnnotationOption);
}
