// SVG drawn as vector paths and real text in the report's fonts: charts and logos go through here.
import { readFileSync } from 'node:fs';
import { parseEntities } from 'parse-entities';
import SVGtoPDF from 'svg-to-pdfkit';
import type { LayoutContext } from './context.js';

/** Draws an SVG (markup, or a file path ending in .svg) at x, y scaled to `width`; text takes the chart font. */
export function drawSvg(ctx: LayoutContext, svgOrPath: string, x: number, y: number, width: number, height?: number): void {
  const svg = svgOrPath.trimStart().startsWith('<') ? svgOrPath : readFileSync(svgOrPath, 'utf8');
  const family = ctx.theme.chart.font;
  for (const [, text] of svg.matchAll(/<text\b[^>]*>([^<]+)</g)) ctx.fonts.check(ctx.fonts.get(family), parseEntities(text!));
  SVGtoPDF(ctx.doc, definitionsFirst(svg), x, y, {
    width,
    ...(height !== undefined ? { height } : {}),
    assumePt: true,
    preserveAspectRatio: 'xMidYMin meet',
    fontCallback: (_family, bold, italic) => ctx.fonts.get(family, bold, italic).name,
    // Only what the template ships is drawn: an image reference could point anywhere.
    imageCallback: () => undefined,
    documentCallback: () => undefined,
  });
}

/**
 * The SVG with its definitions (clip paths, gradients) moved ahead of the marks. Vega writes them last, and
 * svg-to-pdfkit looks each reference up by walking the document from its top: a chart of thousands of marks that
 * clips each of its hundreds of cells walked them all for each one. Definitions are not drawn where they stand, so the
 * drawing is the same.
 */
export function definitionsFirst(svg: string): string {
  const start = svg.lastIndexOf('<defs>');
  const end = start < 0 ? -1 : svg.indexOf('</defs>', start);
  const root = svg.indexOf('<svg');
  const open = root < 0 ? -1 : svg.indexOf('>', root) + 1;
  if (end < 0 || open <= 0 || start < open) return svg;
  const close = end + '</defs>'.length;
  return svg.slice(0, open) + svg.slice(start, close) + svg.slice(open, start) + svg.slice(close);
}
