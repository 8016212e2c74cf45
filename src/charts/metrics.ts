// Text metrics: Vega measures chart text with the embedded font's real advance widths, so layout matches the PDF.
import * as vega from 'vega';
import type { Font } from 'fontkit';
import { loadFont, measureText } from '../fonts/index.js';

/** The fields of a Vega text item that measuring reads. */
export interface TextItem {
  text?: unknown;
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
  ellipsis?: string;
  dir?: string;
}

export interface ChartFonts {
  regular: Font;
  bold: Font;
}

type WidthFunction = (item: TextItem, text: unknown) => number;

/** Vega's text metrics object; not part of its published typings. */
interface VegaTextMetrics {
  width: WidthFunction;
  estimateWidth: WidthFunction;
}

const textMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

let active: ChartFonts | undefined;

export function loadChartFonts(paths: { regular: string; bold: string }): ChartFonts {
  return { regular: loadFont(paths.regular).font, bold: loadFont(paths.bold).font };
}

/** Vega's rule: a missing size means 11, anything unparsable means 0. */
export function fontSizeOf(item: TextItem): number {
  return item.fontSize == null ? 11 : Number(item.fontSize) || 0;
}

export function isBold(weight: TextItem['fontWeight']): boolean {
  if (weight === undefined) return false;
  if (weight === 'bold' || weight === 'bolder') return true;
  return Number(weight) >= 600;
}

/** Text as Vega draws it: trimmed, and shortened with an ellipsis to fit the item's `limit`. */
export function fittedText(fonts: ChartFonts, item: TextItem, text: unknown): string {
  const trimmed = typeof text === 'string' ? text.trim() : text == null ? '' : JSON.stringify(text);
  const limit = Number(item.limit) || 0;
  if (limit <= 0 || trimmed === '') return trimmed;
  const width = (s: string) => textWidth(fonts, item, s);
  if (width(trimmed) <= limit) return trimmed;
  const ellipsis = item.ellipsis ?? '\u2026';
  const room = limit - width(ellipsis);
  const chars = Array.from(trimmed);
  const rtl = item.dir === 'rtl';
  const piece = (n: number) => (rtl ? chars.slice(chars.length - n) : chars.slice(0, n)).join('');
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (width(piece(mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  return rtl ? ellipsis + piece(lo) : piece(lo) + ellipsis;
}

/** Advance width of `text` set in the item's weight and size. */
export function textWidth(fonts: ChartFonts, item: TextItem, text: string): number {
  const size = fontSizeOf(item);
  if (size <= 0 || text === '') return 0;
  return measureText(isBold(item.fontWeight) ? fonts.bold : fonts.regular, text, size);
}

/** The width Vega lays out with: that of the text as it will be drawn, truncation included. */
export function itemWidth(fonts: ChartFonts, item: TextItem, text: unknown): number {
  return textWidth(fonts, item, fittedText(fonts, item, text));
}

function measureItem(item: TextItem, text: unknown): number {
  return active ? itemWidth(active, item, text) : textMetrics.estimateWidth(item, text);
}

/**
 * Runs `render` with Vega measuring in `fonts`. Vega keeps its metrics in one global, so callers serialise
 * renders (see render.ts); installing the override is idempotent and outside a render Vega's estimate applies.
 */
export async function withChartFonts<T>(fonts: ChartFonts, render: () => Promise<T>): Promise<T> {
  textMetrics.width = measureItem;
  const previous = active;
  active = fonts;
  try {
    return await render();
  } finally {
    active = previous;
  }
}
