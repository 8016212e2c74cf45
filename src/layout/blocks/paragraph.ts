// Paragraphs: body text, with the template's paragraph styles (lead, note).
import type { Paragraph } from '../../document.js';
import { addDestination, ensure, space, type LayoutContext } from '../context.js';
import { measureSpans, type TextStyle } from '../text.js';
import { leaf } from '../tags.js';
import { firstLinesHeight, placeText } from './flow-text.js';

function styleOf(p: Paragraph, ctx: LayoutContext): TextStyle {
  const t = ctx.theme.text;
  const body = ctx.hyphenate ? { ...ctx.body, hyphenate: ctx.hyphenate } : ctx.body;
  if (p.style === 'lead') return { ...body, size: t.lead.size, color: t.lead.color };
  if (p.style === 'note') return { ...body, size: t.note.size, color: t.note.color };
  return body;
}

const measure = (p: Paragraph, ctx: LayoutContext) => measureSpans(p.spans, styleOf(p, ctx), ctx.frame.width, ctx.fonts);

export const paragraph = {
  minStart: (p: Paragraph, ctx: LayoutContext) => firstLinesHeight(measure(p, ctx)),
  place(p: Paragraph, ctx: LayoutContext) {
    const m = measure(p, ctx);
    if (m.lines.length === 0) return;
    ensure(ctx, firstLinesHeight(m));
    if (p.anchor) addDestination(ctx, p.anchor);
    leaf(ctx, 'P', () => placeText(ctx, m, ctx.theme.text.align));
    space(ctx, ctx.theme.text.paragraphSpacing);
  },
};
