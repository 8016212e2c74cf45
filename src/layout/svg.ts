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
  SVGtoPDF(ctx.doc, svg, x, y, {
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
