// What the glyphs of a word broken at a line end say when text is extracted from them (the font's ToUnicode map).
// Readers of the page content (poppler, MuPDF, pdf.js in Firefox, PDFBox) read the glyphs; the parts' ActualText is
// on their Span elements only (src/layout/tags.ts), for readers of the structure tree. Drawn plainly, the two halves of
// "interna-" / "tional" extract as two words with a hyphen between them. Drawn through here, the glyph at the break
// (the hyphen) extracts as the rest of the word, and the glyphs of the second part as white space: the glyphs say
// what the ActualText says. The page looks the same: the same glyphs in the same places, each of these under a code
// of its own (a copy of the glyph in the embedded subset).
//
// pdfkit exposes neither the subset nor the ToUnicode map: this module is the one place that reaches into its
// embedded font (`_font`: `encode`, `subset`, `widths`, `unicode`), and draws plainly when the font is not one it knows.

/** The parts of pdfkit's embedded font used here (pdfkit 0.20, EmbeddedFont with a TrueType subset). */
interface EmbeddedFont {
  encode: (this: EmbeddedFont, text: string, features?: unknown) => [string[], unknown[]];
  subset: { glyphs: number[]; cff?: unknown };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
}

/**
 * What a glyph of the second part extracts as: a space. It must be a character, since pdf.js reads a glyph mapped to
 * nothing as its code; pdf.js leaves white space out of its text, and a reader that keeps it sees white space at the
 * start of the line, where a word break is anyway, rather than an invisible character inside the next word.
 */
const BLANK = [0x20];

/** The copies made in one document's font: "glyph code, text" → the copy's code. */
const copies = new WeakMap<EmbeddedFont, Map<string, number>>();

function embeddedFont(doc: PDFKit.PDFDocument): EmbeddedFont | undefined {
  const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font;
  // A CFF subset is left alone: fontkit writes its glyphs by name, and a copy would repeat one.
  if (!font || typeof font.encode !== 'function' || !Array.isArray(font.subset?.glyphs) || font.subset.cff != null || !font.widths || !font.unicode) return undefined;
  return font as EmbeddedFont;
}

/** The code of a copy of the glyph with code `code` that extracts as `codePoints`, made once per font and text. */
function copyOf(font: EmbeddedFont, code: number, codePoints: number[]): number {
  let made = copies.get(font);
  if (!made) copies.set(font, (made = new Map<string, number>()));
  const key = `${code} ${String.fromCodePoint(...codePoints)}`;
  let copy = made.get(key);
  if (copy === undefined) {
    copy = font.subset.glyphs.length;
    font.subset.glyphs.push(font.subset.glyphs[code]!);
    font.widths[copy] = font.widths[code];
    font.unicode[copy] = codePoints;
    made.set(key, copy);
  }
  return copy;
}

const hex = (code: number) => code.toString(16).padStart(4, '0');

/**
 * Runs `draw`, which draws one run of text with the current font, so that its glyphs extract as `actual`: white
 * space when `actual` is empty (a word's second part), else the run's text up to its last glyph followed by the rest of
 * `actual` (the first part: "interna" and then "tional" for the hyphen). A run whose text `actual` does not begin
 * with is drawn as it is.
 */
export function drawExtractingAs(doc: PDFKit.PDFDocument, actual: string, draw: () => void): void {
  const font = embeddedFont(doc);
  if (!font) {
    draw();
    return;
  }
  const encode = font.encode;
  const own = Object.getOwnPropertyDescriptor(font, 'encode');
  font.encode = (text, features) => {
    const [codes, positions] = encode.call(font, text, features);
    const glyphs = codes.map((c) => parseInt(c, 16));
    if (actual === '') return [glyphs.map((g) => hex(copyOf(font, g, BLANK))), positions];
    const last = glyphs.length - 1;
    const before = String.fromCodePoint(...glyphs.slice(0, last).flatMap((g) => font.unicode[g] ?? []));
    if (last < 0 || !actual.startsWith(before) || actual.length === before.length) return [codes, positions];
    const rest = Array.from(actual.slice(before.length), (c) => c.codePointAt(0)!);
    return [[...codes.slice(0, last), hex(copyOf(font, glyphs[last]!, rest))], positions];
  };
  try {
    draw();
  } finally {
    if (own) Object.defineProperty(font, 'encode', own);
    else Reflect.deleteProperty(font, 'encode');
  }
}
