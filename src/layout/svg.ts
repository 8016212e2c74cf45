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
  const played = kept === undefined ? undefined : recordingOf(kept);
  if (played && play(ctx.doc, played)) {
    // Noted as used; kept for the file when its part lacks it (a drawing remembered from another review's build).
    part?.use(key, () => asKept(played));
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
  // Its text is made only when the part has room (a very large review's is full).
  part?.keep(key, () => asKept(recording));
}

/**
 * A recording as its part keeps it until the file is written: the JSON text the file holds, made now rather than when
 * the file is written. A first build of a large review records hundreds of drawings, whose arrays of operations take
 * several times the room of their text for the whole build.
 */
const asKept = (recording: Recording): Buffer => Buffer.from(JSON.stringify(recording));

/** Raised when the recordings' format changes, so that no older file is read as a newer one. */
const FORMAT = 2;

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

/** A kept drawing's recording; undefined for text that is not one (a torn or altered file). */
function recordingOf(kept: unknown): Recording | undefined {
  if (!Buffer.isBuffer(kept)) return isRecording(kept) ? kept : undefined;
  try {
    const read = JSON.parse(kept.toString('utf8')) as unknown;
    return isRecording(read) ? read : undefined;
  } catch {
    return undefined;
  }
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * A review's file: a line with its key, then a line per drawing, its key and its recording (JSON both) between a tab.
 * A part holds each drawing as the JSON text of its recording, as the file does, parsed when it is played: a large
 * review's recordings take several times their text's size once parsed, and each is played once a build.
 */
const store = new ReviewStore<Buffer>({
  folder: 'drawings',
  extension: 'jsonl',
  limit: 256,
  encode: (key, entries) =>
    Buffer.concat([Buffer.from(`${JSON.stringify({ key })}\n`), ...[...entries].flatMap(([name, kept]) => [Buffer.from(`${JSON.stringify(name)}\t`), kept, Buffer.of(NEWLINE)])]),
  decode(file, key) {
    const head = file.indexOf(NEWLINE);
    if (head < 0 || cacheEntryIn(file.toString('utf8', 0, head), key) === undefined) return undefined;
    const entries: [string, Buffer][] = [];
    // A line cut short (a torn file) is left out; a recording that does not parse is drawn again when it is used.
    for (let at = head + 1, end = file.indexOf(NEWLINE, at); end >= 0; at = end + 1, end = file.indexOf(NEWLINE, at)) {
      const tab = file.indexOf(TAB, at);
      if (tab < 0 || tab > end) continue;
      try {
        const name = JSON.parse(file.toString('utf8', at, tab)) as unknown;
        if (typeof name === 'string') entries.push([name, file.subarray(tab + 1, end)]);
      } catch {
        // Not a line of this format: left out.
      }
    }
    return entries;
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
