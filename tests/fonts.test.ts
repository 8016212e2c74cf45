import { describe, expect, it } from 'vitest';
import { loadFont, measureText, missingGlyphs, resolveFontPath } from '../src/fonts/index.js';

const serif = () => loadFont(resolveFontPath('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf', process.cwd()));

describe('fonts', () => {
  it('parses a font file once per process', () => {
    expect(serif()).toBe(serif());
  });
  it('covers every Vietnamese letter in the default body font', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy' + 'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
    expect(missingGlyphs(serif().font, letters + letters.toUpperCase())).toEqual([]);
  });
  it('reports characters a font lacks', () => {
    expect(missingGlyphs(serif().font, 'Hà Nội \u{1F600}')).toEqual(['\u{1F600}']);
  });
  it('measures with real advance widths, proportional to size', () => {
    const f = serif().font;
    const w10 = measureText(f, 'Phạm Thu Hằng', 10);
    expect(measureText(f, 'Phạm Thu Hằng', 20)).toBeCloseTo(2 * w10, 6);
    expect(measureText(f, 'WWW', 10)).toBeGreaterThan(measureText(f, 'iii', 10));
  });
  it('measures what the font lays out, to the last bit', () => {
    const f = serif().font;
    for (const [text, features] of [
      ['AVATAR Wa To. Phạm Thu Hằng', []],
      ['1,234.56 – 7 890', ['tnum']],
      ['a\u0323\u0302 o\u031b\u0301', []],
    ] as const) {
      const laid = f.layout(text, features.length ? [...features] : undefined);
      expect(measureText(f, text, 9.5, features)).toBe((laid.advanceWidth / f.unitsPerEm) * 9.5);
    }
  });
});

describe('glyph cache', () => {
  it('keeps the code points of a glyph first met as the component of a composite glyph', () => {
    const f = loadFont(resolveFontPath('@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf', process.cwd())).font;
    // Drawing "à" and "ộ" reads their components; "a" and "o" must still map back to themselves afterwards.
    for (const composite of ['à', 'ộ']) void f.layout(composite).glyphs[0]!.path;
    expect(f.layout('a').glyphs[0]!.codePoints).toEqual([0x61]);
    expect(f.layout('o').glyphs[0]!.codePoints).toEqual([0x6f]);
  });
});

describe('shaping', () => {
  it('shapes a string once per process and serves each caller its own copy of the positions', () => {
    const f = serif().font;
    const first = f.layout('Hằng shaped once');
    const again = f.layout('Hằng shaped once');
    // The same shaping (fontkit gives new glyph arrays on every shaping)...
    expect(again.glyphs).toBe(first.glyphs);
    expect(again.positions).toEqual(first.positions);
    // ...but positions a caller changes in place (pdfkit scales them to its units) are its own.
    const width = first.advanceWidth;
    for (const p of first.positions) p.xAdvance *= 2;
    expect(first.advanceWidth).toBeCloseTo(2 * width, 6);
    expect(f.layout('Hằng shaped once').advanceWidth).toBe(width);
    // Features are part of what is shaped: tabular figures are a different run from proportional ones.
    expect(f.layout('1 111', ['tnum']).glyphs).not.toBe(f.layout('1 111').glyphs);
    expect(f.layout('1 111', ['tnum']).glyphs).toBe(f.layout('1 111', ['tnum']).glyphs);
  });
});
