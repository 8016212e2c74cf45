// The boxes the layout placed, as plain data: what went where, for tests and tools that check a layout without
// reading the PDF back. Recorded as each block is drawn; no pdfkit type crosses into them.
import type { LayoutContext } from './context.js';
import { lineText, type MeasuredText } from './text.js';

export type BoxKind = 'line' | 'heading' | 'figure' | 'caption' | 'row' | 'marker' | 'rule' | 'contents' | 'cover';

export interface LayoutBox {
  /** 1-based page number. */
  page: number;
  /** Top-left corner, in points from the page's top left. */
  x: number;
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  /** The text set in the box, words joined by single spaces (lines, headings, captions, contents rows). */
  text?: string;
  /** A figure's page in the flow: where the text it follows ended, whether or not it fitted there. */
  anchorPage?: number;
}

/** The page's content box: every box lies inside it. */
export interface ContentBox {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Notes a box on the current page, or on `page` (0-based) for what is drawn after the flow (the contents). */
export function placeBox(ctx: LayoutContext, kind: BoxKind, x: number, y: number, width: number, height: number, extra: { text?: string; page?: number; anchorPage?: number } = {}): void {
  const { page = ctx.page, text, anchorPage } = extra;
  ctx.boxes.push({ page: page + 1, x, y, width, height, kind, ...(text !== undefined ? { text } : {}), ...(anchorPage !== undefined ? { anchorPage: anchorPage + 1 } : {}) });
}

/** One box per line of measured text drawn with its first line's top at y: lines [from, to). */
export function placeTextBoxes(ctx: LayoutContext, kind: BoxKind, m: MeasuredText, x: number, y: number, from = 0, to = m.lines.length, page?: number): void {
  for (let i = from; i < to; i++) placeBox(ctx, kind, x, y + (i - from) * m.lineHeight, m.width, m.lineHeight, { text: lineText(m.lines[i]!), ...(page !== undefined ? { page } : {}) });
}
