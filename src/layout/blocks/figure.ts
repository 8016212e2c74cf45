// Figures: a chart's SVG drawn as vector paths and real text in the report's fonts, never split, numbered and
// captioned; one that does not fit where it stands floats to the top of the next page while the text goes on.
import type { Figure } from '../../document.js';
import { advance, canFloat, deferFloat, ensure, recordCitations, space, withFrame, type ChartArt, type LayoutContext } from '../context.js';
import { fillPattern } from '../../text/format.js';
import { drawSvg } from '../svg.js';
import { placeBox, placeTextBoxes } from '../boxes.js';
import { group, leaf, marked, textTags } from '../tags.js';
import { drawText, measureSpans, textHeight, type MeasuredText } from '../text.js';

function size(f: Figure, ctx: LayoutContext) {
  const art = ctx.charts.get(f.chart);
  if (!art) throw new Error(`chart "${f.chart}" was not rendered`);
  const scale = Math.min(1, ctx.frame.width / art.width);
  return { art, width: art.width * scale, height: art.height * scale };
}

/** The caption, then the source line if the figure has one: measured together, since they never part. */
function caption(f: Figure, ctx: LayoutContext, number: number) {
  const t = ctx.theme;
  const style = { ...ctx.body, family: t.table.font, size: t.figure.captionSize, leading: 1.4, color: t.colors.muted };
  const spans = [{ text: fillPattern(t.labels.figure ?? '{number}', { number: String(number) }), bold: true }, { text: ' ' }, ...f.caption, ...(f.source ? [{ text: '\n' }, ...f.source] : [])];
  return measureSpans(spans, style, ctx.frame.width, ctx.fonts);
}

export const figure = {
  minStart: (f: Figure, ctx: LayoutContext) => size(f, ctx).height + 6 + textHeight(caption(f, ctx, ctx.figures + 1)) + ctx.theme.figure.spaceBefore,
  place(f: Figure, ctx: LayoutContext) {
    const { art, width, height } = size(f, ctx);
    ctx.figures += 1;
    const cap = caption(f, ctx, ctx.figures);
    space(ctx, ctx.theme.figure.spaceBefore);
    const needed = height + 6 + textHeight(cap);
    const anchorPage = ctx.page;
    const frame = ctx.frame;
    const draw = () => withFrame(ctx, frame, () => drawFigure(ctx, f, art, width, height, cap, anchorPage));
    // A figure that does not fit floats to the next page, and so does one behind a figure already waiting.
    if (canFloat(ctx) && (ctx.floats.length > 0 || (!ctx.atTop && ctx.y + needed > ctx.bottom + 0.01))) {
      deferFloat(ctx, needed + ctx.theme.figure.spaceAfter, draw);
      return;
    }
    ensure(ctx, needed);
    draw();
  },
};

/** Draws the chart and its caption at the cursor. */
function drawFigure(ctx: LayoutContext, f: Figure, art: ChartArt, width: number, height: number, cap: MeasuredText, anchorPage: number): void {
  const alt = [f.alt, art.alt].filter(Boolean).join(' ');
  const left = ctx.frame.x + (ctx.frame.width - width) / 2;
  const top = ctx.y;
  // The caption belongs to its figure (a child of it); the figure's box is the chart's, for reflow and PDF/UA.
  const bbox = [left, top, left + width, top + height];
  const drawn = group(
    ctx,
    'Figure',
    () => {
      marked(ctx, 'Figure', () => drawSvg(ctx, art.svg, left, top, width, height));
      advance(ctx, height + 6);
      return leaf(ctx, 'Caption', () => drawText(ctx.doc, cap, ctx.frame.x, ctx.y, 'left', 0, cap.lines.length, textTags(ctx)));
    },
    { alt, bbox, placement: 'Block' },
  );
  recordCitations(ctx, drawn);
  placeBox(ctx, 'figure', left, top, width, height, { anchorPage });
  placeTextBoxes(ctx, 'caption', cap, ctx.frame.x, ctx.y);
  advance(ctx, textHeight(cap));
  space(ctx, ctx.theme.figure.spaceAfter);
}
