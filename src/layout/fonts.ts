// The theme's font families registered in a PDF document; each file is parsed once per process (src/fonts/index.ts).
import type PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { loadFont, missingGlyphs } from '../fonts/index.js';
import type { FontStyle, Theme } from '../theme/index.js';

export interface FontRef {
  /** Name the font is registered under in the document. */
  name: string;
  font: fontkit.Font;
  /** The theme key that chose the file, e.g. "fonts.serif.italic", and the file. */
  key: string;
  path: string;
}

/** Characters a font was asked to set but has no glyph for, with a word that needs them. */
export interface MissingGlyphs {
  key: string;
  path: string;
  chars: Set<string>;
  example: string;
}

export interface FontBook {
  get(family: string, bold?: boolean, italic?: boolean): FontRef;
  /** Notes the characters of `text` that `font` cannot set (checked once per font and text). */
  check(font: FontRef, text: string): void;
  missing(): MissingGlyphs[];
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
      refs.set(name, { name, font: loaded.font, key: `fonts.${family}.${files[style] ? style : 'regular'}`, path });
    }
  }
  const checked = new Set<string>();
  const missing = new Map<string, MissingGlyphs>();
  return {
    check(ref, text) {
      const seen = `${ref.name}\u0000${text}`;
      if (checked.has(seen)) return;
      checked.add(seen);
      const chars = missingGlyphs(ref.font, text);
      if (!chars.length) return;
      const entry = missing.get(ref.path) ?? { key: ref.key, path: ref.path, chars: new Set<string>(), example: text };
      for (const c of chars) entry.chars.add(c);
      missing.set(ref.path, entry);
    },
    missing: () => [...missing.values()],
    get(family, bold, italic) {
      const ref = refs.get(`${family}-${styleOf(bold, italic)}`) ?? refs.get(`${family}-regular`);
      if (!ref) throw new Error(`font family "${family}" is not registered`);
      return ref;
    },
  };
}

export type { PDFDocument };
