// Font files: resolved, read and parsed once per process, shared by the chart stage (text metrics) and the PDF stage.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { error, ReviewError } from '../errors.js';
import { remember } from '../output/index.js';
import { anchorsWhenAsked, quickerLookups } from './lookups.js';
import { fontHash, keepRun, shapesOf, type KeptRun } from './shapes.js';

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
  postHeaderFirst(font, bytes);
  shapeOnce(font, bytes);
  const loaded = { path, bytes, font };
  bytesOf.set(font, bytes);
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
    const glyph = getGlyph(id, codePoints) as fontkit.Glyph | null;
    if (glyph && codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    if (lookups) recordLookup(lookups, id, codePoints, glyph);
    return glyph!;
  };
}

/** fontkit's parts used to read a table itself. */
interface TableReader {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables: Record<string, unknown>;
  _decodeTable(table: unknown): Record<string | symbol, unknown>;
}

/**
 * fontkit decodes a font's whole `post` table, with the name of every glyph (thousands in a font that covers
 * Vietnamese: about 12 ms), the first time anything of it is read; pdfkit reads only its header (fixed pitch, italic
 * angle) to embed the font. The header is read here from the font's bytes, as fontkit reads it, and the rest of the
 * table is decoded by fontkit when first asked for (a glyph's name).
 */
function postHeaderFirst(font: fontkit.Font, bytes: Buffer): void {
  const reader = font as unknown as TableReader;
  const table = reader.directory.tables.post;
  if (!table || table.length < 32 || table.offset + 32 > bytes.length || 'post' in reader._tables) return;
  const at = table.offset;
  // fontkit's post table: a fixed32 version, then the header; fixed32 is a 32-bit integer over 2^16.
  const header: Record<string, number> = {
    version: bytes.readInt32BE(at) / 65536,
    italicAngle: bytes.readInt32BE(at + 4) / 65536,
    underlinePosition: bytes.readInt16BE(at + 8),
    underlineThickness: bytes.readInt16BE(at + 10),
    isFixedPitch: bytes.readUInt32BE(at + 12),
    minMemType42: bytes.readUInt32BE(at + 16),
    maxMemType42: bytes.readUInt32BE(at + 20),
    minMemType1: bytes.readUInt32BE(at + 24),
    maxMemType1: bytes.readUInt32BE(at + 28),
  };
  let whole: Record<string | symbol, unknown> | undefined;
  const decoded = () => (whole ??= reader._decodeTable(table));
  reader._tables.post = new Proxy(header, {
    get: (own, key) => (typeof key === 'string' && key in own ? own[key] : decoded()[key]),
    has: (_own, key) => key in decoded(),
  });
}

/** The font's glyph lookups while a string is shaped for the store (see shapes.ts), or undefined. */
let lookups: number[] | undefined;

/** -1: the glyph came back with the code points asked with; -2: there is no such glyph. */
const SAME = -1;
const NONE = -2;

function recordLookup(into: number[], id: number, asked: readonly number[], glyph: fontkit.Glyph | null): void {
  into.push(id, asked.length, ...asked);
  if (!glyph) into.push(NONE);
  else if (sameCodePoints(glyph.codePoints, asked)) into.push(SAME);
  else into.push(glyph.codePoints.length, ...glyph.codePoints);
}

const sameCodePoints = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A glyph id, a count or a code point as kept: a whole number, not negative. */
const isWhole = (n: number | undefined): n is number => Number.isInteger(n) && n! >= 0;

/**
 * A kept run rebuilt: the font's glyph lookups made again in order, so that each glyph is left as shaping would have
 * left it. Undefined when a glyph comes back with other code points than when the run was kept (shaping, which reads
 * them, might then take another path), or when a kept number is not one shaping could have given (a file damaged
 * since): the string is then shaped afresh.
 */
function rebuilt(font: fontkit.Font, kept: KeptRun, prototype: object): ShapedRun | undefined {
  const calls = kept.calls;
  const end = calls.length;
  // Code points as fontkit keeps them on a glyph: a plain array (the kept numbers are views of a file's numbers).
  const points = (from: number, count: number) => {
    const list: number[] = [];
    for (let k = from; k < from + count; k++) list.push(calls[k]!);
    return list;
  };
  /** The kept numbers from `from` on are `count` whole numbers, each in its place. */
  const whole = (from: number, count: number | undefined): count is number => {
    if (!isWhole(count) || from + count > end) return false;
    for (let k = from; k < from + count; k++) if (!isWhole(calls[k])) return false;
    return true;
  };
  /** A glyph's code points are the kept numbers from `from` on. */
  const same = (codePoints: readonly number[], from: number, count: number) => {
    if (codePoints.length !== count) return false;
    for (let k = 0; k < count; k++) if (codePoints[k] !== calls[from + k]) return false;
    return true;
  };
  // fontkit's glyphs, each made the first time it is asked for: one already made is looked up again only when the
  // lookup could change it (fill in its code points), so that a rebuilt run makes no array of code points for it.
  const made = (font as unknown as { _glyphs?: Record<number, fontkit.Glyph | undefined> })._glyphs;
  for (let i = 0; i < end;) {
    const id = calls[i];
    const count = calls[i + 1];
    const from = i + 2;
    if (!isWhole(id) || !whole(from, count)) return undefined;
    i = from + count;
    const back = calls[i++];
    if (back !== SAME && back !== NONE && !whole(i, back)) return undefined;
    const known = made?.[id];
    const glyph = known && (count === 0 || known.codePoints.length > 0) ? known : (font.getGlyph(id, points(from, count)) as fontkit.Glyph | null);
    if (back === NONE) {
      if (glyph) return undefined;
      continue;
    }
    if (!glyph || !(back === SAME ? same(glyph.codePoints, from, count) : same(glyph.codePoints, i, back))) return undefined;
    if (back !== SAME) i += back;
  }
  const p = kept.positions;
  if (p.length !== 4 * kept.glyphs.length) return undefined;
  const glyphs: fontkit.Glyph[] = [];
  for (let i = 0; i < kept.glyphs.length; i++) {
    const id = kept.glyphs[i];
    if (!isWhole(id) || !Number.isFinite(p[4 * i]! + p[4 * i + 1]! + p[4 * i + 2]! + p[4 * i + 3]!)) return undefined;
    glyphs.push(font.getGlyph(id));
  }
  return { prototype, glyphs, positions: p, script: kept.script, language: kept.language, direction: kept.direction, features: { ...kept.features } };
}

/**
 * A shaped run as the font keeps it for the process: fontkit's glyph objects, and the positions as numbers, four a
 * glyph (x and y advance, x and y offset), made into position objects only in each copy served. Position objects kept
 * for every string shaped were most of what the store of runs took.
 */
interface ShapedRun {
  /** The class of fontkit's runs. */
  prototype: object;
  glyphs: fontkit.Glyph[];
  positions: ArrayLike<number>;
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
}

/** A run fontkit has just shaped, as kept. */
function shapedOf(run: fontkit.GlyphRun): ShapedRun {
  const r = run as fontkit.GlyphRun & { script: string; language: string | null; direction: string; features: Record<string, boolean> };
  const positions = new Float64Array(4 * run.positions.length);
  run.positions.forEach((p, i) => {
    positions[4 * i] = p.xAdvance;
    positions[4 * i + 1] = p.yAdvance;
    positions[4 * i + 2] = p.xOffset;
    positions[4 * i + 3] = p.yOffset;
  });
  return { prototype: Object.getPrototypeOf(run) as object, glyphs: run.glyphs, positions, script: r.script, language: r.language, direction: r.direction, features: r.features };
}

/** A run to serve: of fontkit's class (so that its getters, advanceWidth and bbox, sum its positions), positions its own. */
function copyOf(run: ShapedRun): fontkit.GlyphRun {
  const p = run.positions;
  const positions: fontkit.GlyphPosition[] = [];
  for (let i = 0; i < run.glyphs.length; i++) positions.push({ xAdvance: p[4 * i]!, yAdvance: p[4 * i + 1]!, xOffset: p[4 * i + 2]!, yOffset: p[4 * i + 3]! });
  const copy = Object.create(run.prototype) as fontkit.GlyphRun & Record<string, unknown>;
  copy.glyphs = run.glyphs;
  copy.positions = positions;
  copy.script = run.script;
  copy.language = run.language;
  copy.direction = run.direction;
  copy.features = run.features;
  return copy;
}

/** A run as kept on disk, with the font's lookups made while shaping it: see `KeptRun`. Its positions are the run's own numbers. */
function keptOf(run: ShapedRun, calls: number[]): KeptRun {
  return {
    calls,
    glyphs: run.glyphs.map((g) => g.id),
    positions: run.positions,
    script: run.script,
    language: run.language,
    direction: run.direction,
    features: { ...run.features },
  };
}

/** Each font's file, for its kept runs (shapes.ts) and subsets (subsets.ts). */
const bytesOf = new WeakMap<fontkit.Font, Uint8Array>();

/** The SHA-256 of a font file's bytes, read once per process: what a kept result made with the font is keyed by. */
export const fontFileHash = (path: string): string => fontHash(loadFont(path).bytes);

/** The file of a font this module loaded; undefined for any other. */
export const fontBytes = (font: unknown): Uint8Array | undefined => (typeof font === 'object' && font !== null ? bytesOf.get(font as fontkit.Font) : undefined);

/** A string's key among the font's shaped runs, in memory and in the store. */
const shapeKey = (text: string, features?: string[] | Record<string, boolean>) => (features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`);

/** Strings shaped per font before the oldest are forgotten: bounds the memory a very large review takes. */
const SHAPED = 200_000;

/**
 * Shaping a string (fontkit's `layout`: cmap, GSUB, GPOS) is the costliest step of setting text, and the same
 * strings come back: measured by the layout, drawn by pdfkit, again in every chart and in every later build of the
 * process. The font is shared by them all, so its `layout` keeps each result and serves a copy of it. A copy, since
 * pdfkit scales a run's positions in place; the glyphs are fontkit's own cached objects either way. A run asked for
 * with a script, language or direction is shaped afresh.
 */
function shapeOnce(font: fontkit.Font, bytes: Uint8Array): void {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, ShapedRun>();
  let prototype: object | undefined;
  let quicker = false;
  const runFor = (text: string, features?: string[] | Record<string, boolean>): ShapedRun => {
    const key = shapeKey(text, features);
    let run = shaped.get(key);
    if (run) shapesOf(bytes)?.touch(key);
    else {
      const store = shapesOf(bytes);
      const kept = store?.get(key);
      // An empty string is shaped without a glyph lookup: its run gives the class of runs.
      if (kept) run = rebuilt(font, kept, (prototype ??= Object.getPrototypeOf(layout('')) as object));
      if (!run) {
        lookups = store ? [] : undefined;
        let calls: number[] | undefined;
        let fresh: fontkit.GlyphRun;
        // Before fontkit reads the font's lookups, with its first string: see lookups.ts.
        if (!quicker) anchorsWhenAsked(font);
        try {
          fresh = layout(text, features);
        } finally {
          calls = lookups;
          lookups = undefined;
        }
        // fontkit's processors are made by the first string the font shapes: see lookups.ts.
        if (!quicker) {
          quickerLookups(font);
          quicker = true;
        }
        const shapedNow = shapedOf(fresh);
        const lookedUp = calls;
        // Copied for the store only when its part has room (a very large review's is full).
        if (store && lookedUp && !kept) keepRun(store, key, () => keptOf(shapedNow, lookedUp));
        run = shapedNow;
      }
      remember(shaped, key, run, SHAPED);
    }
    return run;
  };
  font.layout = (text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return (layout as (...args: unknown[]) => fontkit.GlyphRun)(text, features, ...rest);
    return copyOf(runFor(text, features));
  };
  runsOf.set(font, runFor);
}

/** Each font's shaped runs, as its `layout` finds them (in memory, in the store, or shaped afresh). */
const runsOf = new WeakMap<fontkit.Font, (text: string, features?: string[] | Record<string, boolean>) => ShapedRun>();

/** A run's glyphs and positions as the font keeps them: four numbers a glyph (x and y advance, x and y offset). */
export interface GlyphNumbers {
  readonly glyphs: readonly fontkit.Glyph[];
  readonly positions: ArrayLike<number>;
}

/**
 * For a font loaded here, what gives the run `font.layout(text, features)` serves a copy of, without the copy: for a
 * reader that only reads it. Undefined for any other font.
 */
export function glyphReader(font: unknown): ((text: string, features?: string[] | Record<string, boolean>) => GlyphNumbers) | undefined {
  return runsOf.get(font as fontkit.Font);
}

/** Per font, whether it has a glyph for each code point asked about: a cmap lookup costs more than a map's. */
const coverage = new WeakMap<fontkit.Font, Map<number, boolean>>();

/** Characters of `text` the font has no glyph for (deduplicated, in order of first appearance). */
export function missingGlyphs(font: fontkit.Font, text: string): string[] {
  let known = coverage.get(font);
  if (!known) coverage.set(font, (known = new Map<number, boolean>()));
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u00ad') continue;
    let has = known.get(cp);
    if (has === undefined) known.set(cp, (has = font.hasGlyphForCodePoint(cp)));
    if (!has) missing.add(ch);
  }
  return [...missing];
}

/** A run's advance width in the font's units, summed as fontkit's run sums it, from the kept run where there is one. */
function advanceOf(font: fontkit.Font, text: string, features?: string[]): number {
  const run = glyphReader(font)?.(text, features);
  if (!run) return font.layout(text, features).advanceWidth;
  let width = 0;
  for (let i = 0; i < run.glyphs.length; i++) width += run.positions[4 * i]!;
  return width;
}

/** Each font's measured strings, and its units per em (a getter that reads the font's head table). */
const widthCache = new WeakMap<fontkit.Font, { widths: Map<string, number>; unitsPerEm: number }>();

/**
 * Advance width of `text` at `size` points, measured with the font's real metrics (kerning included) and the
 * OpenType features the text will be drawn with (e.g. `tnum` for tabular figures).
 */
export function measureText(font: fontkit.Font, text: string, size: number, features: readonly string[] = []): number {
  let perFont = widthCache.get(font);
  if (!perFont) {
    perFont = { widths: new Map(), unitsPerEm: font.unitsPerEm };
    widthCache.set(font, perFont);
  }
  const key = features.length ? `${features.join(',')}\u0000${text}` : text;
  let units = perFont.widths.get(key);
  if (units === undefined) {
    units = advanceOf(font, text, features.length ? [...features] : undefined);
    perFont.widths.set(key, units);
  } else {
    // Measured earlier in the process: the string is still one the build uses.
    const bytes = bytesOf.get(font);
    if (bytes) shapesOf(bytes)?.touch(shapeKey(text, features.length ? [...features] : undefined));
  }
  return (units / perFont.unitsPerEm) * size;
}
