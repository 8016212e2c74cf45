// The small blocks: page breaks and horizontal rules.
import type { PageBreak, ThematicBreak } from '../../document.js';
import { advance, ensure, flushFloats, newPage, space, type LayoutContext } from '../context.js';
import { placeBox } from '../boxes.js';
import { artifact } from '../tags.js';

export const pageBreak = {
  minStart: () => 0,
  place: (_b: PageBreak, ctx: LayoutContext) => {
    flushFloats(ctx);
    if (!ctx.atTop) newPage(ctx);
  },
};

/** A rule across the text frame at the current height, drawn as an artifact (decoration, not content). */
export function frameRule(ctx: LayoutContext, lineWidth: number, color: string): void {
  artifact(ctx, () =>
    ctx.doc
      .save()
      .moveTo(ctx.frame.x, ctx.y)
      .lineTo(ctx.frame.x + ctx.frame.width, ctx.y)
      .lineWidth(lineWidth)
      .strokeColor(color)
      .stroke()
      .restore(),
  );
}

export const rule = {
  minStart: () => 12,
  place: (_b: ThematicBreak, ctx: LayoutContext) => {
    ensure(ctx, 12);
    space(ctx, 4);
    frameRule(ctx, 0.6, ctx.theme.colors.rule);
    placeBox(ctx, 'rule', ctx.frame.x, ctx.y - 0.3, ctx.frame.width, 0.6);
    advance(ctx, 8);
  },
};
