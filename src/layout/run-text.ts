// One run of text written into the page as pdfkit writes it (pdfkit 0.20's `_fragment`, with its embedded font's
// `encode`), for a run in one of the review's fonts: the glyphs and their positions are read from the fonts' store of
// shaped runs (src/fonts/index.ts) as numbers, and the run's operators are written as one piece of text. pdfkit makes
// an object for each glyph's position, a string for each glyph's code and a line for each operator: for the 2025
// review, a quarter of what a build allocates. The arithmetic and the text are pdfkit's, step for step
// (tests/layout/text-runs.test.ts compares them with pdfkit's own for every kind of run).
import { glyphReader } from '../fonts/index.js';
import { forEachWord } from './glyph-layout.js';

/** The parts of pdfkit's embedded font used here. */
interface EmbeddedFont {
  id: string;
  /** The fontkit font. */
  font: unknown;
  /** 1000 / units per em. */
  scale: number;
  ascender: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** The parts of pdfkit's document used here. */
interface Doc {
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  _font?: EmbeddedFont;
  _fontSize: number;
  _ctm: number[];
  _ctmStack: number[][];
  addContent(data: string): unknown;
  widthOfString(text: string): number;
}

/** A number as pdfkit writes it in a content stream: rounded to six decimals. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** A glyph's code as pdfkit writes it: four hexadecimal digits. */
const code = (gid: number) => `0000${gid.toString(16)}`.slice(-4);

/**
 * Writes `text` at (x, y) in the document's font and size as `doc.text(text, x, y, { lineBreak: false, ...options })`
 * writes it, and leaves the document's position at (x, y). False, with nothing written, for a run this does not
 * write (a font not from the store, one whose encoding a caller has replaced, a line break, nothing but white space):
 * pdfkit's own step writes it then.
 */
export function writeRun(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: { features?: readonly string[]; wordSpacing?: number }): boolean {
  const d = doc as unknown as Doc;
  const font = d._font;
  const runOf = font && glyphReader(font.font);
  if (!font || !runOf || Object.prototype.hasOwnProperty.call(font, 'encode') || text.trim() === '' || text.includes('\n')) return false;
  const { features, wordSpacing } = options;
  const scale = font.scale;
  const size = d._fontSize;
  // Each glyph's code, and its position as pdfkit's embedded font gives it (scaled to thousandths of the size).
  const codes: string[] = [];
  const xAdvances: number[] = [];
  const advanceWidths: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const encode = (part: string, asked?: readonly string[]) => {
    const run = runOf(part, asked as string[] | undefined);
    const p = run.positions;
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const gid = font.subset.includeGlyph(glyph.id);
      codes.push(code(gid));
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      xAdvances.push(p[4 * i]! * scale);
      xOffsets.push(p[4 * i + 2]! * scale);
      yOffsets.push(p[4 * i + 3]! * scale);
      advanceWidths.push(glyph.advanceWidth * scale);
    }
  };
  // With features, the string is shaped whole; else word by word, as pdfkit's embedded font lays it out.
  const encodeText = (part: string) => {
    if (features) encode(part, features);
    else forEachWord(part, (word) => encode(word));
  };
  if (wordSpacing) {
    // Word by word, the space after each widened: its advance is the space's width and the spacing.
    const widened = ((wordSpacing + d.widthOfString(' ') + 0) * 1000) / size;
    for (const word of text.trim().split(/\s+/)) {
      encodeText(word);
      if (xAdvances.length) xAdvances[xAdvances.length - 1] = xAdvances[xAdvances.length - 1]! + widened;
    }
  } else encodeText(text);

  d.x = x;
  d.y = y;
  const page = d.page;
  const top = page.height - y - (font.ascender / 1000) * size;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const lines = ['q', `1 0 0 -1 0 ${number(page.height)} cm`, 'BT', `1 0 0 1 ${number(x)} ${number(top)} Tm`, `/${font.id} ${number(size)} Tf`];
  // Glyphs go in runs of a TJ array, a run ending where a glyph's advance differs from its width (kerning); a glyph
  // moved off the line (a mark) is set on its own, at its place.
  const thousandths = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let moved = false;
  let at = x;
  const segment = (end: number) => {
    if (last < end) commands.push(`<${codes.slice(last, end).join('')}> ${number(-(xAdvances[end - 1]! - advanceWidths[end - 1]!))}`);
    last = end;
  };
  const flush = (end: number) => {
    segment(end);
    if (commands.length > 0) {
      lines.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < codes.length; i++) {
    if (xOffsets[i] || yOffsets[i]) {
      flush(i);
      lines.push(`1 0 0 1 ${number(at + xOffsets[i]! * thousandths)} ${number(top + yOffsets[i]! * thousandths)} Tm`);
      flush(i + 1);
      moved = true;
    } else {
      if (moved) {
        lines.push(`1 0 0 1 ${number(at)} ${number(top)} Tm`);
        moved = false;
      }
      if (xAdvances[i]! - advanceWidths[i]! !== 0) segment(i + 1);
    }
    at += xAdvances[i]! * thousandths;
  }
  flush(i);
  lines.push('ET', 'Q');
  // pdfkit's save and restore around the run: the transformation is the page's again after it.
  d._ctmStack.push(d._ctm.slice());
  d.addContent(lines.join('\n'));
  d._ctm = d._ctmStack.pop() ?? [1, 0, 0, 1, 0, 0];
  return true;
}
