// SVG drawn as vector paths and real text in the report's fonts: charts and logos go through here. A drawing is
// recorded the first time (recorded.ts) and kept, in memory and in the cache folder's drawings/, under a hash of all
// that decides it; the same SVG drawn in the same place again is played back instead of drawn by svg-to-pdfkit.
import { readFileSync } from 'node:fs';
import { parseEntities } from 'parse-entities';
import SVGtoPDF from 'svg-to-pdfkit';
import { recordedDrawings, REMEMBERED } from '../charts/index.js';
import { fontFileHash } from '../fonts/index.js';
import { packageVersion } from '../input/paths.js';
import { cacheEntryIn, remember, ReviewStore, sha256 } from '../output/index.js';
import type { LayoutContext } from './context.js';
import { isRecording, play, record, type Recording } from './recorded.js';

/** Draws an SVG (markup, or a file path ending in .svg) at x, y scaled to `width`; text takes the chart font. */
export function drawSvg(ctx: LayoutContext, svgOrPath: string, x: number, y: number, width: number, height?: number): void {
  const svg = svgOrPath.trimStart().startsWith('<') ? svgOrPath : readFileSync(svgOrPath, 'utf8');
  const family = ctx.theme.chart.font;
  for (const [, text] of svg.matchAll(/<text\b[^>]*>([^<]+)</g)) ctx.fonts.check(ctx.fonts.get(family), parseEntities(text!));
  const markup = definitionsFirst(svg);
  const key = drawingKey(ctx, markup, [x, y, width, height]);
  const part = store.part(drawerIdentity());
  const kept = recordedDrawings.get(key) ?? part?.get(key);
  if (kept && isRecording(kept) && play(ctx.doc, kept)) {
    part?.use(key, kept);
    return;
  }
  const warned: string[] = [];
  const recording = record(ctx.doc, (doc) =>
    SVGtoPDF(doc, markup, x, y, {
      width,
      ...(height !== undefined ? { height } : {}),
      assumePt: true,
      preserveAspectRatio: 'xMidYMin meet',
      fontCallback: (_family, bold, italic) => ctx.fonts.get(family, bold, italic).name,
      // Only what the template ships is drawn: an image reference could point anywhere.
      imageCallback: () => undefined,
      documentCallback: () => undefined,
      // As svg-to-pdfkit warns by default; a drawing that warned is not kept, so that each drawing warns alike.
      warningCallback: (message) => {
        warned.push(message);
        console.warn(message);
      },
    }),
  );
  if (!recording || warned.length) return;
  remember(recordedDrawings, key, recording, REMEMBERED);
  part?.keep(key, recording);
}

/** Raised when the recordings' format changes, so that no older file is read as a newer one. */
const FORMAT = 1;

/** The libraries a recording depends on: a new version of either records every drawing afresh. */
let identity: string | undefined;
const drawerIdentity = () => (identity ??= `svg-to-pdfkit ${packageVersion('svg-to-pdfkit') ?? '?'} pdfkit ${packageVersion('pdfkit') ?? '?'} format ${FORMAT}`);

/**
 * Everything that decides a drawing: the SVG, where and how large it is drawn, the page's size and the transformation
 * in force (svg-to-pdfkit reads both), and the chart fonts' names and files.
 */
function drawingKey(ctx: LayoutContext, markup: string, place: readonly (number | undefined)[]): string {
  const doc = ctx.doc as PDFKit.PDFDocument & { _ctm: number[] };
  const fonts = [false, true].flatMap((bold) => [false, true].map((italic) => ctx.fonts.get(ctx.theme.chart.font, bold, italic)));
  const described = JSON.stringify([place, doc.page.width, doc.page.height, doc._ctm, fonts.map((f) => [f.name, fontFileHash(f.path)])]);
  return sha256(`${drawerIdentity()}\n${described}\n${markup}`);
}

const store = new ReviewStore<Recording>({
  folder: 'drawings',
  extension: 'json',
  limit: 256,
  encode: (key, entries) => JSON.stringify({ key, entries: [...entries] }),
  decode(file, key) {
    const read = cacheEntryIn(file.toString('utf8'), key)?.entries;
    return Array.isArray(read) && read.every((e) => Array.isArray(e) && typeof e[0] === 'string' && isRecording(e[1])) ? (read as [string, Recording][]) : undefined;
  },
});

/**
 * Starts a build that keeps its recorded drawings in `dir` (the build's cache folder), or, with undefined, in memory
 * only; `review` tells reviews apart, each with its file holding the drawings of its last build.
 */
export function keepDrawingsIn(dir: string | undefined, review: string): void {
  store.use(dir, review);
}

/** Writes the file of recorded drawings when the build added or stopped using any; a folder that cannot be written costs only time. */
export function saveDrawings(): void {
  store.save();
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
