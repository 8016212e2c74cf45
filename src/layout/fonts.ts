// The theme's font families registered in a PDF document; each file is parsed once per process (src/fonts/index.ts).
import type PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { loadFont, missingGlyphs } from '../fonts/index.js';
import { layOutFromStore } from './glyph-layout.js';
import type { FontStyle, Theme } from '../theme/index.js';
import type { Origin } from '../document.js';

export interface FontRef {
  /** Name the font is registered under in the document. */
  name: string;
  font: fontkit.Font;
  /** The theme key that chose the file, e.g. "fonts.serif.italic", and the file. */
  key: string;
  path: string;
}

/** Characters a font was asked to set but has no glyph for, with a word that needs them and where it was written. */
export interface MissingGlyphs {
  key: string;
  path: string;
  chars: Set<string>;
  example: string;
  /** The block whose text needs them; none for what the layout writes itself (running heads, the contents). */
  origin?: Origin;
}

export interface FontBook {
  get(family: string, bold?: boolean, italic?: boolean): FontRef;
  /** Notes the characters of `text` that `font` cannot set (checked once per font and text). */
  check(font: FontRef, text: string): void;
  /** Runs `work` with the text it checks noted as written at `origin` (a block without one keeps the enclosing block's). */
  from<T>(origin: Origin | undefined, work: () => T): T;
  /** `work`, to run later under the origin noted now (a figure placed after the text that follows it). */
  bind(work: () => void): () => void;
  /** For each font, and each place its text was written, what it missed. */
  missing(): MissingGlyphs[];
}

const styleOf = (bold?: boolean, italic?: boolean): FontStyle => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

export function registerFonts(doc: PDFKit.PDFDocument, theme: Theme): FontBook {
  layOutFromStore(doc);
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
  /** The texts checked, per font. */
  const checked = new Map<FontRef, Set<string>>();
  const missing = new Map<string, MissingGlyphs>();
  let origin: Origin | undefined;
  const from = <T>(at: Origin | undefined, work: () => T): T => {
    const outer = origin;
    origin = at ?? outer;
    try {
      return work();
    } finally {
      origin = outer;
    }
  };
  return {
    check(ref, text) {
      let seen = checked.get(ref);
      if (!seen) checked.set(ref, (seen = new Set()));
      if (seen.has(text)) return;
      seen.add(text);
      const chars = missingGlyphs(ref.font, text);
      if (!chars.length) return;
      const place = `${ref.path}\u0000${origin ? `${origin.file}:${origin.line}` : ''}`;
      const entry = missing.get(place) ?? { key: ref.key, path: ref.path, chars: new Set<string>(), example: text, ...(origin ? { origin } : {}) };
      for (const c of chars) entry.chars.add(c);
      missing.set(place, entry);
    },
    from,
    bind(work) {
      const at = origin;
      return () => from(at, work);
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
