// The cover: the theme's layout ("full": the whole page in the cover colour; "band": a colour band on a white page),
// an optional logo, the first heading as the title, a second-level heading as the subtitle, then paragraphs, and
// after a rule the cover's closing lines. Measured first, so the band can end below the title it holds.
import type { Cover } from '../../document.js';
import { flushFloats, newPage, type LayoutContext } from '../context.js';
import { drawSvg } from '../svg.js';
import { displayPath } from '../../input/paths.js';
import { error, ReviewError } from '../../errors.js';
import { placeBox, placeTextBoxes } from '../boxes.js';
import { artifact, group, leaf, textTags } from '../tags.js';
import { drawText, measureSpans, textHeight, type MeasuredText } from '../text.js';

interface Placed {
  /** The structure element type of the text. */
  tag?: string;
  text?: MeasuredText;
  rule?: boolean;
  y: number;
  /** Set inside the band (on the cover colour) rather than below it. */
  onColour: boolean;
}

function drawLogo(ctx: LayoutContext, path: string, x: number, y: number, width: number): void {
  try {
    if (path.toLowerCase().endsWith('.svg')) drawSvg(ctx, path, x, y, width);
    else ctx.doc.image(path, x, y, { width });
  } catch (e) {
    // The theme checked the file's kind; a file damaged inside is found only when it is decoded.
    throw new ReviewError([error('theme/logo', `the logo cannot be drawn: ${(e as Error).message}`, { file: displayPath(path), path: 'cover.logo' })]);
  }
}

export const cover = {
  minStart: () => 0,
  place(c: Cover, ctx: LayoutContext) {
    const { doc, theme } = ctx;
    const t = theme.cover;
    flushFloats(ctx);
    if (!ctx.atTop) newPage(ctx);
    const { width, height } = doc.page;
    const x = ctx.frame.x;
    const base = { ...ctx.body, color: t.color, linkColor: t.color };
    const titleTop = height * 0.3;
    const placed: Placed[] = [];
    let y = titleTop;
    let inBand = true;
    for (const block of c.children) {
      if (block.type === 'heading') {
        const size = block.depth === 1 ? t.titleSize : t.subtitleSize;
        const text = measureSpans(block.spans, { ...base, family: theme.headings.font, bold: block.depth === 1, size, leading: 1.15 }, ctx.frame.width, ctx.fonts);
        // The title is the cover's heading; a subtitle is a paragraph, not a heading of a section of its own.
        placed.push({ tag: block.depth === 1 ? 'H1' : 'P', text, y, onColour: true });
        y += textHeight(text) + (block.depth === 1 ? 14 : 10);
      } else if (block.type === 'paragraph') {
        // In the band layout the band ends with the headings; what follows sits on white.
        if (inBand && t.layout === 'band') {
          inBand = false;
          y += 40;
        }
        const colour = t.layout === 'band' ? theme.colors.text : t.color;
        const text = measureSpans(block.spans, { ...base, color: colour, linkColor: colour, family: theme.table.font, size: 11, leading: 1.45 }, ctx.frame.width * 0.8, ctx.fonts);
        placed.push({ tag: 'P', text, y, onColour: t.layout === 'full' });
        y += textHeight(text) + 6;
      } else if (block.type === 'rule') {
        inBand = false;
        y = Math.max(y + 24, height * 0.72);
        placed.push({ rule: true, y, onColour: t.layout === 'full' });
        y += 14;
      }
    }
    const firstPlain = placed.find((p) => p.text && !p.onColour);
    const bandBottom = t.layout === 'full' ? height : (firstPlain?.y ?? y) - 28;
    artifact(ctx, () => {
      doc.save().rect(0, 0, width, bandBottom).fill(t.background).restore();
      doc
        .save()
        .rect(x, titleTop - 18, 56, 4)
        .fill(t.accent)
        .restore();
      if (t.logo) drawLogo(ctx, t.logo, x, theme.page.margins.top, t.logoWidth);
    });
    group(ctx, 'Sect', () => {
      for (const p of placed) {
        const text = p.text;
        if (text) {
          leaf(ctx, p.tag ?? 'P', () => drawText(doc, text, x, p.y, 'left', 0, text.lines.length, textTags(ctx)));
          placeTextBoxes(ctx, 'cover', text, x, p.y);
          continue;
        }
        placeBox(ctx, 'cover', x, p.y - 0.3, ctx.frame.width, 0.6);
        artifact(ctx, () =>
          doc
            .save()
            .moveTo(x, p.y)
            .lineTo(x + ctx.frame.width, p.y)
            .lineWidth(0.6)
            .strokeColor(p.onColour ? t.color : theme.colors.rule)
            .opacity(p.onColour ? 0.5 : 1)
            .stroke()
            .restore(),
        );
      }
    });
    newPage(ctx);
  },
};
