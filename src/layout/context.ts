// The layout state: where the cursor stands, on which page, and what has been placed so far (for contents,
// outline and back-references). Page breaking lives here; what goes on a page lives in blocks/.
import type { Block, RenderedChart } from '../document.js';
import type { Theme } from '../theme/index.js';
import type { FontBook } from './fonts.js';
import type { Tags } from './tags.js';
import type { TextStyle } from './text.js';
import type { Landmark, PlacedHeading } from './types.js';

export type { PlacedHeading } from './types.js';

/** What the layout needs of a drawn chart. */
export type ChartArt = Pick<RenderedChart, 'svg' | 'width' | 'height' | 'alt'>;

export interface Frame {
  x: number;
  width: number;
}

export interface LayoutContext {
  doc: PDFKit.PDFDocument;
  theme: Theme;
  fonts: FontBook;
  charts: ReadonlyMap<string, ChartArt>;
  /** The page's content box. */
  top: number;
  bottom: number;
  /** The current column (indented inside lists and quotes). */
  frame: Frame;
  body: TextStyle;
  y: number;
  page: number;
  /** True right after a page break: space before a block is dropped there. */
  atTop: boolean;
  headings: PlacedHeading[];
  /** Source id → 0-based pages citing it. */
  citedOn: Map<string, Set<number>>;
  figures: number;
  /** 0-based pages on which a table continues from the page before. */
  continuedTables: number[];
  /** Each figure and table body row placed, with its page. */
  landmarks: Landmark[];
  /** Pages reserved for the contents, filled when all headings are placed. */
  contents?: { first: number; count: number; structure: PDFKit.PDFStructureElement };
  /** Every heading of the document, known before layout, so the contents can reserve its pages. */
  allHeadings: readonly Block[];
  outline: { depth: number; item: PDFKit.PDFOutline }[];
  // ^ open outline items, innermost last
  tags: Tags;
  /** Splits words at hyphenation points, for body text; absent when the theme turns hyphenation off. */
  hyphenate?: (word: string) => string[];
}

export function newPage(ctx: LayoutContext): void {
  const { page } = ctx.theme;
  // Marked content open across the break (a paragraph split between pages) is closed here and reopened there.
  (ctx.doc as PDFKit.PDFDocument & { continueOnNewPage(o: PDFKit.PDFDocumentOptions): void }).continueOnNewPage({ size: page.size, margins: page.margins });
  ctx.page += 1;
  ctx.y = ctx.top;
  ctx.atTop = true;
}

/** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
export function ensure(ctx: LayoutContext, height: number): void {
  if (ctx.y + height > ctx.bottom + 0.01 && !ctx.atTop) newPage(ctx);
}

export function advance(ctx: LayoutContext, height: number): void {
  ctx.y += height;
  ctx.atTop = false;
}

/** Vertical space that disappears at the top of a page. */
export function space(ctx: LayoutContext, height: number): void {
  if (!ctx.atTop) ctx.y = Math.min(ctx.y + height, ctx.bottom);
}

export function withFrame<T>(ctx: LayoutContext, frame: Frame, body: () => T): T {
  const saved = ctx.frame;
  ctx.frame = frame;
  try {
    return body();
  } finally {
    ctx.frame = saved;
  }
}

/** The named destination of the first citation of a source on a page. */
export const citationAnchor = (source: string, page: number) => `cite-${source}-p${page + 1}`;

/** Notes each citation drawn, and marks the first one per source and page as a link target for the appendix. */
export function recordCitations(ctx: LayoutContext, drawn: readonly { span: { citation?: string }; x: number; y: number }[]): void {
  for (const d of drawn) {
    const s = d.span.citation;
    if (!s) continue;
    const pages = ctx.citedOn.get(s) ?? new Set<number>();
    if (!pages.has(ctx.page)) destination(ctx, citationAnchor(s, ctx.page), d.x, d.y);
    pages.add(ctx.page);
    ctx.citedOn.set(s, pages);
  }
}

/**
 * A named destination whose top-left corner is (x, y) on the current page, y counted from the top as we draw.
 * pdfkit turns y into PDF's count from the page foot itself: converting here too would mirror the target.
 */
function destination(ctx: LayoutContext, id: string, x: number, y: number): void {
  ctx.doc.addNamedDestination(id, 'XYZ', x, y, null);
}

/** A named destination at the cursor, for links, the contents and the outline. */
export function addDestination(ctx: LayoutContext, id: string): void {
  destination(ctx, id, ctx.frame.x, ctx.y);
}
