// "Cited on pages 3, 5.": the pages that cite a source, each a link back to the first citation on that page.
// Citations after the appendix would not be known yet; the built-in template puts the appendix last.
import type { CitedBy, Span } from '../../document.js';
import { citationAnchor, ensure, space, type LayoutContext } from '../context.js';
import { measureSpans } from '../text.js';
import { leaf } from '../tags.js';
import { placeText } from './flow-text.js';

function spans(c: CitedBy, ctx: LayoutContext): Span[] {
  const pages = [...(ctx.citedOn.get(c.source) ?? [])].sort((a, b) => a - b);
  const words = ctx.theme.labels;
  if (!pages.length) return [{ text: words.notCited ?? '', italic: true }];
  const out: Span[] = [{ text: (pages.length === 1 ? words.citedOnPage : words.citedOnPages) ?? '', italic: true }];
  pages.forEach((p, i) => {
    if (i) out.push({ text: ', ', italic: true });
    out.push({ text: String(p + 1), italic: true, goTo: citationAnchor(c.source, p) });
  });
  out.push({ text: '.', italic: true });
  return out;
}

const measure = (c: CitedBy, ctx: LayoutContext) => measureSpans(spans(c, ctx), { ...ctx.body, size: ctx.theme.text.note.size, color: ctx.theme.text.note.color }, ctx.frame.width, ctx.fonts);

export const citedBy = {
  minStart: (c: CitedBy, ctx: LayoutContext) => measure(c, ctx).lineHeight,
  place(c: CitedBy, ctx: LayoutContext) {
    const m = measure(c, ctx);
    ensure(ctx, m.lineHeight);
    leaf(ctx, 'P', () => placeText(ctx, m, 'left'));
    space(ctx, ctx.theme.text.paragraphSpacing);
  },
};
