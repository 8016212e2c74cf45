// The theme's font families registered in a PDF document; each file is parsed once per process (src/fonts.ts).
import type PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { loadFont } from '../fonts.js';
import type { FontStyle, Theme } from '../theme.js';

export interface FontRef {
  /** Name the font is registered under in the document. */
  name: string;
  font: fontkit.Font;
}

export interface FontBook {
  get(family: string, bold?: boolean, italic?: boolean): FontRef;
}

const styleOf = (bold?: boolean, italic?: boolean): FontStyle => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

export function registerFonts(doc: PDFKit.PDFDocument, theme: Theme): FontBook {
  const refs = new Map<string, FontRef>();
  for (const [family, files] of Object.entries(theme.fonts).sort(([a], [b]) => a.localeCompare(b))) {
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const path = files[style] ?? files.regular;
      const loaded = loadFont(path);
      const name = `${family}-${style}`;
      doc.registerFont(name, loaded.font as unknown as PDFKit.Mixins.PDFFontSource);
      refs.set(name, { name, font: loaded.font });
    }
  }
  return {
    get(family, bold, italic) {
      const ref = refs.get(`${family}-${styleOf(bold, italic)}`) ?? refs.get(`${family}-regular`);
      if (!ref) throw new Error(`font family "${family}" is not registered`);
      return ref;
    },
  };
}

export type { PDFDocument };
