// Font files: resolved, read and parsed once per process, shared by the chart stage (text metrics) and the PDF stage.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { error, ReviewError } from '../errors.js';

export { resolveFontPath } from './paths.js';

export interface LoadedFont {
  /** Absolute path of the TTF/OTF file. */
  path: string;
  bytes: Buffer;
  font: fontkit.Font;
}

const cache = new Map<string, LoadedFont>();

/** Reads and parses a font once; later calls with the same file return the same object. */
export function loadFont(path: string): LoadedFont {
  const hit = cache.get(path);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ReviewError([error('font/unreadable', `cannot read font: ${(e as Error).message}`, { file: path })]);
  }
  if (/\.woff2?$/i.test(path)) {
    throw new ReviewError([error('font/format', 'WOFF/WOFF2 fonts cannot be embedded; use the TTF or OTF file', { file: path })]);
  }
  let font: fontkit.Font;
  try {
    font = fontkit.create(bytes);
  } catch (e) {
    throw new ReviewError([error('font/parse', `not a usable TTF/OTF font: ${(e as Error).message}`, { file: path })]);
  }
  keepCodePoints(font);
  shapeOnce(font);
  const loaded = { path, bytes, font };
  cache.set(path, loaded);
  return loaded;
}

/**
 * fontkit caches a glyph the first time it is asked for it. Drawing or subsetting a composite glyph ("à") asks for
 * its components ("a") without code points, and the cache then serves "a" with none (fontkit#154): pdfkit writes an
 * empty or wrong ToUnicode entry and the text no longer extracts. Since fonts here are shared by every document a
 * process builds, fill the code points in when a later lookup knows them.
 */
function keepCodePoints(font: fontkit.Font): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

/** Strings shaped per font before the oldest are forgotten: bounds the memory a very large review takes. */
const SHAPED = 200_000;

/**
 * Shaping a string (fontkit's `layout`: cmap, GSUB, GPOS) is the costliest step of setting text, and the same
 * strings come back: measured by the layout, drawn by pdfkit, again in every chart and in every later build of the
 * process. The font is shared by them all, so its `layout` keeps each result and serves a copy of it. A copy, since
 * pdfkit scales a run's positions in place; the glyphs are fontkit's own cached objects either way. A run asked for
 * with a script, language or direction is shaped afresh.
 */
function shapeOnce(font: fontkit.Font): void {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, fontkit.GlyphRun>();
  font.layout = (text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return (layout as (...args: unknown[]) => fontkit.GlyphRun)(text, features, ...rest);
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = shaped.get(key);
    if (!run) {
      run = layout(text, features);
      if (shaped.size >= SHAPED) shaped.delete(shaped.keys().next().value!);
      shaped.set(key, run);
    }
    // The same class, so that its getters (advanceWidth, bbox) sum the copy's positions.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
    copy.positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return copy;
  };
}

/** Characters of `text` the font has no glyph for (deduplicated, in order of first appearance). */
export function missingGlyphs(font: fontkit.Font, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u00ad') continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

const widthCache = new WeakMap<fontkit.Font, Map<string, number>>();

/**
 * Advance width of `text` at `size` points, measured with the font's real metrics (kerning included) and the
 * OpenType features the text will be drawn with (e.g. `tnum` for tabular figures).
 */
export function measureText(font: fontkit.Font, text: string, size: number, features: readonly string[] = []): number {
  let perFont = widthCache.get(font);
  if (!perFont) {
    perFont = new Map();
    widthCache.set(font, perFont);
  }
  const key = features.length ? `${features.join(',')}\u0000${text}` : text;
  let units = perFont.get(key);
  if (units === undefined) {
    units = font.layout(text, features.length ? [...features] : undefined).advanceWidth;
    perFont.set(key, units);
  }
  return (units / font.unitsPerEm) * size;
}
