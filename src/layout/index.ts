// The layout stage: Document → pages of a pdfkit document. Blocks are dispatched through a map typed over the
// block union, so a block type without a layout is a compile error.
import { allBlocks, type Block, type BlockType, type Document, type Heading } from '../document.js';
import type { Theme } from '../theme/index.js';
import { blockquote } from './blocks/blockquote.js';
import { citedBy } from './blocks/cited-by.js';
import { contents, fillContents } from './blocks/contents.js';
import { cover } from './blocks/cover.js';
import { figure } from './blocks/figure.js';
import { closeOutline, heading } from './blocks/heading.js';
import { list, type BlockFlow } from './blocks/list.js';
import { paragraph } from './blocks/paragraph.js';
import { pageBreak, rule } from './blocks/simple.js';
import { table } from './blocks/table.js';
import { flushFloats, type ChartArt, type LayoutContext } from './context.js';
import type { LayoutResult } from './types.js';
import { registerFonts } from './fonts.js';
import { drawFurniture } from './furniture.js';
import { startTags } from './tags.js';
import { messages } from './messages.js';
import { error, ReviewError } from '../errors.js';
import { displayPath } from '../input/paths.js';
import { hyphenator } from '../text/hyphenation.js';

export type { ChartArt } from './context.js';
export type { BoxKind, ContentBox, LayoutBox, LayoutResult, PlacedHeading, Places } from './types.js';
export { placesOf } from './places.js';
export { keepDrawingsIn, saveDrawings } from './svg.js';

interface BlockLayout<B> {
  minStart(block: B, ctx: LayoutContext): number;
  place(block: B, ctx: LayoutContext, follow: () => number): void;
}
type Layouts = { [K in BlockType]: BlockLayout<Extract<Block, { type: K }>> };

// Each block is measured and placed with the fonts noting its origin, so a missing glyph names where its text was written.
const flow: BlockFlow = {
  place(blocks, ctx) {
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      ctx.fonts.from(block.origin, () => layoutOf(block).place(block, ctx, () => (next ? flow.minStart(next, ctx) : 0)));
    });
  },
  minStart: (block, ctx) => ctx.fonts.from(block.origin, () => layoutOf(block).minStart(block, ctx)),
};

const layouts: Layouts = {
  heading,
  paragraph,
  list: list(flow),
  blockquote: blockquote(flow),
  table,
  figure,
  cover,
  toc: contents,
  pageBreak,
  rule,
  citedBy,
};

function layoutOf<B extends Block>(block: B): BlockLayout<B> {
  return layouts[block.type] as unknown as BlockLayout<B>;
}

/** Every heading the flow will place, nested in lists and quotations too (a cover's headings are its own). */
function headingsOf(blocks: readonly Block[]): Heading[] {
  // The cover's headings are the title page, not entries of the contents.
  return [...allBlocks(blocks.filter((b) => b.type !== 'cover'))].filter((b): b is Heading => b.type === 'heading');
}

/** Lays the document out on `doc`, which must buffer its pages (contents and page numbers are drawn last). */
export function layoutDocument(doc: PDFKit.PDFDocument, document: Document, theme: Theme, charts: ReadonlyMap<string, ChartArt>): LayoutResult {
  const fonts = registerFonts(doc, theme);
  const { margins } = theme.page;
  const body = theme.text;
  const ctx: LayoutContext = {
    doc,
    theme,
    fonts,
    charts,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
    frame: { x: margins.left, width: doc.page.width - margins.left - margins.right },
    body: { family: body.font, codeFamily: 'mono' in theme.fonts ? 'mono' : body.font, size: body.size, leading: body.leading, color: theme.colors.text, linkColor: theme.colors.link },
    y: margins.top,
    page: 0,
    atTop: true,
    headings: [],
    citedOn: new Map(),
    figures: 0,
    continuedTables: [],
    allHeadings: headingsOf(document.blocks),
    outline: [],
    tags: startTags(doc),
    boxes: [],
    floats: [],
    flowTop: new Map(),
    ...(theme.text.hyphenation ? { hyphenate: hyphenator(theme.text.hyphenation) } : {}),
  };
  flow.place(document.blocks, ctx);
  flushFloats(ctx);
  fillContents(ctx);
  closeOutline(doc);
  drawFurniture(ctx, document.info.title);
  // A font without a glyph draws nothing (or a box) and extracts wrongly: the build fails instead.
  const missing = fonts.missing();
  if (missing.length)
    throw new ReviewError(
      missing.map((m) => error('font/glyphs', messages.missingGlyphs(m.key, displayPath(m.path), m.chars, m.example), m.origin ?? { file: displayPath(m.path) }, messages.glyphsHint())),
    );
  const citedOn = new Map([...ctx.citedOn].map(([k, v]) => [k, [...v].sort((a, b) => a - b).map((p) => p + 1)]));
  return {
    headings: ctx.headings,
    pages: doc.bufferedPageRange().count,
    citedOn,
    continuedTables: ctx.continuedTables.map((p) => p + 1),
    boxes: ctx.boxes,
    page: { width: doc.page.width, height: doc.page.height, top: ctx.top, bottom: ctx.bottom, left: margins.left, right: doc.page.width - margins.right },
  };
}
