// The boxes the layout placed, as plain data: what went where, for tests and tools that check a layout without
// reading the PDF back. Recorded as each block is drawn; no pdfkit type crosses into them.
import type { LayoutContext } from './context.js';
import { lineText, type MeasuredText } from './text.js';
import type { BoxKind } from './types.js';

export type { BoxKind, ContentBox, LayoutBox } from './types.js';

/** Notes a box on the current page, or on `page` (0-based) for what is drawn after the flow (the contents). */
export function placeBox(ctx: LayoutContext, kind: BoxKind, x: number, y: number, width: number, height: number, extra: { text?: string; page?: number; anchorPage?: number } = {}): void {
  const { page = ctx.page, text, anchorPage } = extra;
  ctx.boxes.push({ page: page + 1, x, y, width, height, kind, ...(text !== undefined ? { text } : {}), ...(anchorPage !== undefined ? { anchorPage: anchorPage + 1 } : {}) });
}

/** One box per line of measured text drawn with its first line's top at y: lines [from, to). */
export function placeTextBoxes(ctx: LayoutContext, kind: BoxKind, m: MeasuredText, x: number, y: number, from = 0, to = m.lines.length, page?: number): void {
  for (let i = from; i < to; i++) placeBox(ctx, kind, x, y + (i - from) * m.lineHeight, m.width, m.lineHeight, { text: lineText(m.lines[i]!), ...(page !== undefined ? { page } : {}) });
}
