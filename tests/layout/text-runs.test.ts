// A run of text set by setRun (src/layout/text.ts), written by writeRun (src/layout/run-text.ts) or through the step of
// pdfkit's `text` that writes it: the operators are those `doc.text(text, x, y, { lineBreak: false, ...options })`
// gives. A new pdfkit that writes text otherwise fails here.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFont, resolveFontPath } from '../../src/fonts/index.js';
import { layOutFromStore } from '../../src/layout/glyph-layout.js';
import { writeRun } from '../../src/layout/run-text.js';
import { setRun } from '../../src/layout/text.js';
import { pdfBytes } from '../support.js';

const FONTS = ['be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf', 'noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf'].map((name) =>
  resolveFontPath(`@expo-google-fonts/${name}`, process.cwd()),
);

type Options = { features?: PDFKit.Mixins.OpenTypeFeatures[]; wordSpacing?: number };
const RUNS: [string, Options][] = [
  ['Phạm Thu Hằng', {}],
  ['US$27.62 billion', { features: ['tnum'] }],
  ['justified  words\u00a0and\u00a0\u00a0spaces', { wordSpacing: 2.75 }],
  ['a\u0323\u0302 o\u031b\u0301 AVATAR', { wordSpacing: 0.5, features: ['tnum', 'lnum'] }],
  [' leading and trailing ', {}],
];

/** The PDF of one page holding every run, each set by `set`, and the document's position after each. */
async function drawn(set: (doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: Options) => void): Promise<{ pdf: Buffer; after: [number, number][] }> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
  layOutFromStore(doc);
  FONTS.forEach((file, i) => doc.registerFont(`f${i}`, loadFont(file).font as unknown as PDFKit.Mixins.PDFFontSource));
  const bytes = pdfBytes(doc);
  const after: [number, number][] = [];
  RUNS.forEach(([text, options], i) => {
    doc
      .font(`f${i % FONTS.length}`)
      .fontSize(9.5 + i)
      .fillColor('#1f2328');
    set(doc, text, 72 + i * 3.25, 100 + i * 20.5, options);
    after.push([doc.x, doc.y]);
  });
  doc.end();
  return { pdf: await bytes, after };
}

describe('a run of text', () => {
  it('is set with the operators and leaves the position that pdfkit’s text gives', async () => {
    const byText = await drawn((doc, text, x, y, options) => doc.text(text, x, y, { lineBreak: false, ...options }));
    const byRun = await drawn((doc, text, x, y, options) => setRun(doc, text, x, y, doc.widthOfString(text, options), options));
    expect(byRun.pdf.toString('latin1')).toBe(byText.pdf.toString('latin1'));
    // Every run here is in a font of the store: written by writeRun, not by pdfkit's step.
    const written = await drawn((doc, text, x, y, options) => expect(writeRun(doc, text, x, y, options)).toBe(true));
    expect(written.pdf.toString('latin1')).toBe(byText.pdf.toString('latin1'));
    // The position after: the run's end, as pdfkit leaves it for a run whose spaces are not widened (pdfkit measures
    // a widened run without its word spacing and with runs of spaces made one; nothing in the layout reads it).
    RUNS.forEach(([, options], i) => {
      expect(byRun.after[i]![1]).toBe(byText.after[i]![1]);
      if (!options.wordSpacing) expect(byRun.after[i]![0]).toBeCloseTo(byText.after[i]![0], 9);
    });
  });
});
