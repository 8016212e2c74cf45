// Paragraphs: body text, with the template's paragraph styles (lead, note).
import type { Paragraph } from '../../document.js';
import { addDestination, ensure, space, type LayoutContext } from '../context.js';
import { measureSpans, type MeasuredText, type TextStyle } from '../text.js';
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

/**
 * A paragraph measured for the heading before it (which keeps with its first lines), until it is placed: the
 * same measurement, unless the frame or the style changed in between.
 */
const measuredAhead = new WeakMap<Paragraph, { ctx: LayoutContext; width: number; body: object; hyphenate: unknown; m: MeasuredText }>();

export const paragraph = {
  minStart(p: Paragraph, ctx: LayoutContext) {
    const m = measure(p, ctx);
    measuredAhead.set(p, { ctx, width: ctx.frame.width, body: ctx.body, hyphenate: ctx.hyphenate, m });
    return firstLinesHeight(m);
  },
  place(p: Paragraph, ctx: LayoutContext) {
    const ahead = measuredAhead.get(p);
    measuredAhead.delete(p);
    const same = ahead && ahead.ctx === ctx && ahead.width === ctx.frame.width && ahead.body === ctx.body && ahead.hyphenate === ctx.hyphenate;
    const m = same ? ahead.m : measure(p, ctx);
    if (m.lines.length === 0) return;
    ensure(ctx, firstLinesHeight(m));
    if (p.anchor) addDestination(ctx, p.anchor);
    leaf(ctx, 'P', () => placeText(ctx, m, ctx.theme.text.align));
    space(ctx, ctx.theme.text.paragraphSpacing);
  },
};
