// Headings: chapters (depth 1) open a page; every heading is kept with the start of what follows it,
// becomes a named destination, an outline entry and (when listed) a contents entry.
import { plainText, type Heading } from '../../document.js';
import { addDestination, advance, ensure, flushFloats, newPage, space, type LayoutContext } from '../context.js';
import { placeBox, placeTextBoxes } from '../boxes.js';
import { artifact, leaf, textTags } from '../tags.js';
import { drawText, measureSpans, textHeight, type MeasuredText } from '../text.js';

function measure(h: Heading, ctx: LayoutContext): MeasuredText {
  const t = ctx.theme.headings;
  const size = t.sizes[h.depth - 1] ?? ctx.body.size;
  return measureSpans(h.spans, { ...ctx.body, family: t.font, bold: true, size, leading: 1.25, color: t.color }, ctx.frame.width, ctx.fonts);
}

/** pdfkit's outline item, whose dictionary we complete. */
type OutlineItem = PDFKit.PDFOutline & { outlineData: { Dest?: unknown; Count?: number } };

function addToOutline(ctx: LayoutContext, h: Heading): void {
  while (ctx.outline.length && ctx.outline[ctx.outline.length - 1]!.depth >= h.depth) ctx.outline.pop();
  const parent = ctx.outline[ctx.outline.length - 1]?.item ?? ctx.doc.outline;
  const item = parent.addItem(plainText(h.spans)) as OutlineItem;
  // The heading's own destination, so the entry lands on the heading as the contents do (pdfkit's default fits the page).
  item.outlineData.Dest = new String(h.id);
  ctx.outline.push({ depth: h.depth, item });
}

/**
 * Gives every outline item with children its /Count, which PDF requires there: entries start closed, so each
 * counts minus its children; the root counts the entries shown, the top level.
 */
export function closeOutline(doc: PDFKit.PDFDocument): void {
  const root = doc.outline as OutlineItem;
  const walk = (item: OutlineItem) => {
    for (const child of item.children as OutlineItem[]) {
      if (child.children.length) child.outlineData.Count = -child.children.length;
      walk(child);
    }
  };
  walk(root);
  if (root.children.length) root.outlineData.Count = root.children.length;
}

export const heading = {
  minStart: (h: Heading, ctx: LayoutContext) => textHeight(measure(h, ctx)),
  place(h: Heading, ctx: LayoutContext, follow: () => number) {
    const t = ctx.theme.headings;
    if (h.depth === 1) flushFloats(ctx);
    if (h.depth === 1 && !ctx.atTop) newPage(ctx);
    space(ctx, t.spaceBefore[h.depth - 1] ?? 0);
    const m = measure(h, ctx);
    const after = t.spaceAfter[h.depth - 1] ?? 0;
    ensure(ctx, textHeight(m) + after + follow());
    addDestination(ctx, h.id);
    ctx.headings.push({ id: h.id, text: plainText(h.spans), depth: h.depth, listed: h.listed, page: ctx.page });
    if (h.listed) addToOutline(ctx, h);
    leaf(ctx, `H${h.depth}`, () => drawText(ctx.doc, m, ctx.frame.x, ctx.y, 'left', 0, m.lines.length, textTags(ctx)));
    placeTextBoxes(ctx, 'heading', m, ctx.frame.x, ctx.y);
    advance(ctx, textHeight(m));
    if (h.depth === 1) {
      // A short accent rule under chapter titles.
      const y = ctx.y + 4;
      artifact(ctx, () =>
        ctx.doc
          .save()
          .moveTo(ctx.frame.x, y)
          .lineTo(ctx.frame.x + 36, y)
          .lineWidth(2)
          .strokeColor(ctx.theme.colors.highlight)
          .stroke()
          .restore(),
      );
      placeBox(ctx, 'rule', ctx.frame.x, y - 1, 36, 2);
      advance(ctx, 6);
    }
    space(ctx, after);
  },
};
