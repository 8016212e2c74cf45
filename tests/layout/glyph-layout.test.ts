import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFont, resolveFontPath } from '../../src/fonts/index.js';
import { layOutFromStore } from '../../src/layout/glyph-layout.js';

interface Laid {
  glyphs: { id: number }[] | null;
  positions: Record<string, number>[] | null;
  advanceWidth: number;
}
interface Embedded {
  layout(text: string, features?: string[], onlyWidth?: boolean): Laid;
  encode(text: string, features?: string[]): [string[], Record<string, number>[]];
  scale: number;
}

const fontFile = (name: string) => resolveFontPath(`@expo-google-fonts/${name}`, process.cwd());
// 1000 and 2048 units per em, both with kerning and mark positioning.
const FONTS = ['noto-serif/400Regular/NotoSerif_400Regular.ttf', 'noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf', 'inter/400Regular/Inter_400Regular.ttf'];

/** A document with the review's fonts, laid out by pdfkit itself or from the fonts' store. */
function documentWith(fromStore: boolean): PDFKit.PDFDocument {
  const doc = new PDFDocument({ fontLayoutCache: false });
  if (fromStore) layOutFromStore(doc);
  FONTS.forEach((file, i) => doc.registerFont(`f${i}`, loadFont(fontFile(file)).font as unknown as PDFKit.Mixins.PDFFontSource));
  return doc;
}

const embedded = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: Embedded })._font;

/** Every number of a position, in a fixed order (compared with Object.is: -0 is not 0). */
const numbers = (positions: Record<string, number>[] | null) => positions?.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]);

const STRINGS = [
  '',
  ' ',
  'word',
  'two words',
  ' leading and trailing ',
  'double  space',
  'tab\tseparated\t',
  'Phạm Thu Hằng',
  // Combining marks, placed by the font's mark positioning: offsets that are not zero.
  'a\u0323\u0302 o\u031b\u0301',
  'AVATAR WAVE To. Ty,',
  '1,234.56 – 7 890',
  'Wave after wave: 41.9 billion, 48.3 billion; AVA Tyre, “quoted” — Đà Nẵng, Hồ Chí Minh',
];
const FEATURES: (string[] | undefined)[] = [undefined, ['tnum'], ['tnum', 'lnum']];

describe('glyph layout from the fonts’ store', () => {
  // A scale of 1000 / 1234 (a font of 1234 units per em) makes the sums inexact: only pdfkit's order gives its widths.
  it.each([undefined, 1000 / 1234])('gives pdfkit’s widths, glyphs, positions and encodings exactly (scale %s)', (scale) => {
    const plain = documentWith(false);
    const stored = documentWith(true);
    for (let i = 0; i < FONTS.length; i++) {
      plain.font(`f${i}`).fontSize(9.5);
      stored.font(`f${i}`).fontSize(9.5);
      const a = embedded(plain);
      const b = embedded(stored);
      expect(b.layout).not.toBe(a.layout);
      if (scale !== undefined) a.scale = b.scale = scale;
      for (const text of STRINGS) {
        for (const features of FEATURES) {
          for (const onlyWidth of [false, true]) {
            const want = a.layout(text, features, onlyWidth);
            const got = b.layout(text, features, onlyWidth);
            expect(got.advanceWidth, `${text} ${features} ${onlyWidth}`).toBe(want.advanceWidth);
            if (want.glyphs) expect(got.glyphs?.map((g) => g.id)).toEqual(want.glyphs.map((g) => g.id));
            if (want.positions) expect(numbers(got.positions)).toEqual(numbers(want.positions));
          }
          expect(stored.widthOfString(text, features ? { features: features as PDFKit.Mixins.OpenTypeFeatures[] } : {})).toBe(
            plain.widthOfString(text, features ? { features: features as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
          );
          const [codes, positions] = b.encode(text, features);
          const [wantCodes, wantPositions] = a.encode(text, features);
          expect(codes).toEqual(wantCodes);
          expect(numbers(positions)).toEqual(numbers(wantPositions));
        }
      }
    }
  });

  it('leaves a font it does not shape to pdfkit', () => {
    const doc = documentWith(true);
    const plain = documentWith(false);
    doc.font('Helvetica');
    plain.font('Helvetica');
    expect(embedded(doc).layout).toBe(embedded(plain).layout);
    expect(doc.widthOfString('two words')).toBe(plain.widthOfString('two words'));
  });
});
