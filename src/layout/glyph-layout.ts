// pdfkit's glyph layout for the review's fonts, read from the fonts' store of shaped runs (src/fonts/index.ts).
//
// pdfkit lays a string out for each of three uses when it draws it: its width where the text goes (twice, for a link's
// box and to move the cursor on) and its glyphs, to encode them. Each time, its embedded font (pdfkit 0.20's
// EmbeddedFont.layout) asks the font to shape each of the string's words, which serves a copy of the kept run (pdfkit
// scales the copy in place, to thousandths of the font size), adds a property to each of its positions, and joins the
// words' arrays. Here the font's layout reads the kept numbers instead: a width makes no object at all, and an
// encoding one object a glyph. The arithmetic is pdfkit's, step for step, so the numbers, and the PDF, are the same
// (tests/layout/glyph-layout.test.ts compares them with pdfkit's own for every kind of string).

import { glyphReader } from '../fonts/index.js';

type Features = string[] | Record<string, boolean>;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's embedded font gives back: the glyphs and positions of the string's words, in order, and their width. */
interface Laid {
  glyphs: { advanceWidth: number }[];
  positions: Position[];
  advanceWidth: number;
}

/** The parts of pdfkit's embedded font used here. */
interface EmbeddedFont {
  /** The fontkit font. */
  font: unknown;
  /** 1000 / units per em. */
  scale: number;
  layout(text: string, features?: Features, onlyWidth?: boolean): Laid;
}

/** Fonts of each document seen by `doc.font`: each is given the layout below once, if it is one of the review's. */
const seen = new WeakSet<object>();

/** From now on, each font `doc` sets that the fonts' store shapes lays its strings out from the store's numbers. */
export function layOutFromStore(doc: PDFKit.PDFDocument): void {
  const setFont = doc.font.bind(doc);
  doc.font = ((...args: Parameters<PDFKit.PDFDocument['font']>) => {
    const result = setFont(...args);
    const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font;
    if (font && !seen.has(font)) {
      seen.add(font);
      fromStore(font);
    }
    return result;
  }) as PDFKit.PDFDocument['font'];
}

function fromStore(font: Partial<EmbeddedFont>): void {
  const runOf = glyphReader(font.font);
  if (typeof font.layout !== 'function' || typeof font.scale !== 'number' || !runOf) return;
  font.layout = function (this: EmbeddedFont, text: string, features?: Features, onlyWidth = false): Laid {
    const laid: Laid = { glyphs: [], positions: [], advanceWidth: 0 };
    const scale = this.scale;
    const word = (part: string, asked?: Features) => {
      const run = runOf(part, asked);
      const p = run.positions;
      // As fontkit's run sums its positions, after pdfkit has scaled each.
      let width = 0;
      for (let i = 0; i < run.glyphs.length; i++) {
        const xAdvance = p[4 * i]! * scale;
        width += xAdvance;
        if (onlyWidth) continue;
        const glyph = run.glyphs[i]!;
        laid.glyphs.push(glyph);
        laid.positions.push({ xAdvance, yAdvance: p[4 * i + 1]! * scale, xOffset: p[4 * i + 2]! * scale, yOffset: p[4 * i + 3]! * scale, advanceWidth: glyph.advanceWidth * scale });
      }
      laid.advanceWidth += width;
    };
    // With features, pdfkit shapes the string whole (and gives its glyphs even when asked for the width only).
    if (features) {
      onlyWidth = false;
      word(text, features);
      return laid;
    }
    forEachWord(text, (part) => word(part));
    return laid;
  };
}

/** Calls `word` with each word of `text` in order, each with the space or tab after it, as pdfkit splits a string to lay it out. */
export function forEachWord(text: string, word: (part: string) => void): void {
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    if ((index === text.length && last < index) || text[index] === ' ' || text[index] === '\t') {
      word(text.slice(last, ++index));
      last = index;
    } else index++;
  }
}
