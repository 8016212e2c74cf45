// The layout state: where the cursor stands, on which page, and what has been placed so far (for contents,
// outline and back-references). Page breaking lives here; what goes on a page lives in blocks/.
import type { Heading, RenderedChart } from '../document.js';
import type { Theme } from '../theme/index.js';
import type { FontBook } from './fonts.js';
import type { LayoutBox } from './boxes.js';
import { reserve, within, type Tags } from './tags.js';
import type { TextStyle } from './text.js';
import type { PlacedHeading } from './types.js';

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
  /** Pages reserved for the contents, filled when all headings are placed. */
  contents?: { first: number; count: number; structure: PDFKit.PDFStructureElement };
  /** Every heading of the document, known before layout, so the contents can reserve its pages. */
  allHeadings: readonly Heading[];
  outline: { depth: number; item: PDFKit.PDFOutline }[];
  // ^ open outline items, innermost last
  tags: Tags;
  /** Figures waiting for room, in document order: placed at the top of the next page (see deferFloat). */
  floats: Float[];
  /** 0-based page → where the flow starts on it, below the figures placed at its top (pages without any are absent). */
  flowTop: Map<number, number>;
  /** Every box placed so far. */
  boxes: LayoutBox[];
  /** Splits words at hyphenation points, for body text; absent when the theme turns hyphenation off. */
  hyphenate?: (word: string) => string[];
}

/** A figure that did not fit where it stood in the text: its height and how to draw it at the cursor. */
export interface Float {
  height: number;
  place(): void;
}

/** pdfkit's page markings: the marked content open at a page break, closed there and reopened on the next page. */
type Markings = unknown;
interface MarkingDocument {
  endPageMarkings(page: PDFKit.PDFPage): Markings;
  initPageMarkings(markings: Markings): void;
}

/**
 * Starts a new page and places the figures waiting for room at its top, before the text that goes on. Marked
 * content open across the break (a paragraph split between pages) is closed before the page and reopened after
 * the figures, so that they are not part of it.
 */
export function newPage(ctx: LayoutContext): void {
  const { page } = ctx.theme;
  const doc = ctx.doc as PDFKit.PDFDocument & MarkingDocument;
  const markings = doc.endPageMarkings(doc.page);
  doc.addPage({ size: page.size, margins: page.margins });
  ctx.page += 1;
  ctx.y = ctx.top;
  ctx.atTop = true;
  const open = ctx.tags.open;
  ctx.tags.open = [];
  try {
    placeFloats(ctx);
  } finally {
    ctx.tags.open = open;
  }
  if (ctx.y > ctx.top) ctx.flowTop.set(ctx.page, ctx.y);
  doc.initPageMarkings(markings);
}

/** Starts new pages until `height` fits below the cursor (or the page is still empty). */
export function ensure(ctx: LayoutContext, height: number): void {
  while (ctx.y + height > ctx.bottom + 0.01 && !ctx.atTop) newPage(ctx);
}

/** True where a figure may float: in the flow of the document itself, not inside a list or a quotation. */
export const canFloat = (ctx: LayoutContext) => ctx.tags.stack.length === 1;

/**
 * Keeps a figure that does not fit for the top of the next page, while the text after it fills this one (as TeX
 * and Typst place floats). Its structure element is reserved here, so that it keeps its place in the reading
 * order; figures keep their order among themselves.
 */
export function deferFloat(ctx: LayoutContext, height: number, place: () => void): void {
  const element = reserve(ctx, 'Div');
  const placeHere = ctx.fonts.bind(place);
  ctx.floats.push({
    height,
    place: () => {
      within(ctx, element, placeHere);
      element.end();
    },
  });
}

/** Places the waiting figures that fit below the cursor, in order; the first always fits on an empty page. */
function placeFloats(ctx: LayoutContext): void {
  for (let f = ctx.floats[0]; f && (ctx.atTop || ctx.y + f.height <= ctx.bottom + 0.01); f = ctx.floats[0]) {
    ctx.floats.shift();
    f.place();
  }
}

/** Places every waiting figure, on new pages where they do not fit: before a chapter, a page break, the end. */
export function flushFloats(ctx: LayoutContext): void {
  placeFloats(ctx);
  while (ctx.floats.length) newPage(ctx);
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
