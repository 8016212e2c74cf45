// Bulleted and numbered lists, nested: a marker in the indent, the item's blocks in the column beside it.
import type { Block, List } from '../../document.js';
import { ensure, space, withFrame, type LayoutContext } from '../context.js';
import { placeTextBoxes } from '../boxes.js';
import { group, leaf } from '../tags.js';
import { drawText, measureSpans } from '../text.js';

/** The block dispatcher, handed to blocks that hold other blocks. */
export interface BlockFlow {
  place(blocks: readonly Block[], ctx: LayoutContext): void;
  minStart(block: Block, ctx: LayoutContext): number;
}

const MARKERS = ['•', '–', '◦'];

export function list(flow: BlockFlow) {
  return {
    minStart: (l: List, ctx: LayoutContext) => {
      const first = l.items[0]?.[0];
      return first ? flow.minStart(first, ctx) : 0;
    },
    place(l: List, ctx: LayoutContext) {
      const { indent, itemSpacing } = ctx.theme.lists;
      const level = Math.round((ctx.frame.x - ctx.theme.page.margins.left) / indent);
      group(ctx, 'L', () =>
        l.items.forEach((item, i) =>
          group(ctx, 'LI', () => {
            const first = item[0];
            const inner = { x: ctx.frame.x + indent, width: ctx.frame.width - indent };
            if (first) withFrame(ctx, inner, () => ensure(ctx, flow.minStart(first, ctx)));
            const marker = l.ordered ? `${l.start + i}.` : MARKERS[level % MARKERS.length]!;
            const m = measureSpans([{ text: marker }], ctx.body, indent, ctx.fonts);
            leaf(ctx, 'Lbl', () => drawText(ctx.doc, m, ctx.frame.x, ctx.y, 'left'));
            placeTextBoxes(ctx, 'marker', m, ctx.frame.x, ctx.y);
            group(ctx, 'LBody', () => withFrame(ctx, inner, () => flow.place(item, ctx)));
            if (i < l.items.length - 1) space(ctx, itemSpacing - ctx.theme.text.paragraphSpacing);
          }),
        ),
      );
    },
  };
}
