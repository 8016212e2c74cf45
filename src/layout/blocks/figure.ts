// Figures: a chart's SVG drawn as vector paths and real text in the report's fonts, never split, numbered and captioned.
import { plainText, type Figure } from '../../document.js';
import { advance, ensure, recordCitations, space, type LayoutContext } from '../context.js';
import { fillPattern } from '../../text/format.js';
import { drawSvg } from '../svg.js';
import { group, leaf, marked, textTags } from '../tags.js';
import { drawText, measureSpans, textHeight } from '../text.js';

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
    ensure(ctx, height + 6 + textHeight(cap));
    const alt = [f.alt, art.alt].filter(Boolean).join(' ');
    const left = ctx.frame.x + (ctx.frame.width - width) / 2;
    const top = ctx.y;
    ctx.landmarks.push({ kind: 'figure', name: String(ctx.figures), text: plainText(f.caption).trim(), page: ctx.page + 1 });
    // The caption belongs to its figure (a child of it); the figure's box is the chart's, for reflow and PDF/UA.
    const bbox = [left, top, left + width, top + height];
    const drawn = group(ctx, 'Figure', () => {
      marked(ctx, 'Figure', () => drawSvg(ctx, art.svg, left, top, width, height));
      advance(ctx, height + 6);
      return leaf(ctx, 'Caption', () => drawText(ctx.doc, cap, ctx.frame.x, ctx.y, 'left', 0, cap.lines.length, textTags(ctx)));
    }, { alt, bbox, placement: 'Block' });
    recordCitations(ctx, drawn);
    advance(ctx, textHeight(cap));
    space(ctx, ctx.theme.figure.spaceAfter);
  },
};
