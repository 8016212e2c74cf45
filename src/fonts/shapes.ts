// Glyph runs kept on disk between runs, beside the drawn charts: a file per font (named by a hash of its bytes, the
// fontkit version and this file's format) of the strings shaped with it. A string found there is not shaped again:
// its run is rebuilt from the glyph ids and positions kept.
//
// A run is rebuilt exactly as shaping would have left the font. fontkit keeps each glyph object from the first time it
// is asked for, with the code points it was first asked with, and pdfkit writes those code points into the PDF's
// ToUnicode map; so the font's glyph lookups made while shaping are kept too (each glyph id, the code points asked
// with, and those the glyph came back with) and made again, in order. Should a glyph come back with other code
// points than when the run was kept (the font has met it in another text since), shaping could take another path:
// the string is shaped afresh. Either way the PDF is byte for byte the one a build without the store makes.
//
// This file loads no fontkit: the pipeline points it at the cache folder before anything is laid out.
import { join } from 'node:path';
import { packageVersion } from '../input/paths.js';
import { keepInCache, readCacheEntry, sha256 } from '../output/index.js';

/** Raised when the file's format changes, so that no older file is read as a newer one. */
const FORMAT = 3;
/** Runs kept per font: a very large review keeps its first strings, and shapes the rest each time. */
const KEPT = 200_000;

/**
 * A shaped string as kept: the font's glyph lookups made while shaping it (`calls`: per lookup the glyph id, the
 * number of code points asked with and those code points, then the number of code points the glyph came back with
 * and those, or -1 when they are the ones asked with), the run's glyph ids, its positions (four numbers per glyph:
 * x and y advance, x and y offset) and its script, language, direction and features.
 */
export interface KeptRun {
  calls: number[];
  glyphs: number[];
  positions: number[];
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
}

/** The numbers of a text "12,-3,450" (as `Number` reads each, with no string made for an integer's digits). */
export function numbers(text: string | undefined): number[] {
  const list: number[] = [];
  if (!text) return list;
  for (let start = 0; start <= text.length;) {
    const comma = text.indexOf(',', start);
    const end = comma < 0 ? text.length : comma;
    const negative = text.charCodeAt(start) === 45;
    let i = negative ? start + 1 : start;
    // Up to 15 digits, an integer a double holds exactly; anything else as Number reads it.
    let plain = i < end && end - i < 16;
    let value = 0;
    for (; plain && i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) plain = false;
      else value = value * 10 + digit;
    }
    list.push(plain ? (negative ? -value : value) : Number(text.slice(start, end)));
    start = end + 1;
  }
  return list;
}

/**
 * A kept run as one text, as it is held in memory and in the file: a string takes a fraction of the memory of its
 * arrays, and is read in a moment. Its parts are separated by ";": calls, glyphs and positions (numbers separated by
 * ","), script, language (empty for none), direction and features (each tag, "!" before one turned off).
 */
export function encodeRun(run: KeptRun): string {
  const features = Object.entries(run.features).map(([tag, on]) => (on ? tag : `!${tag}`));
  return [run.calls.join(','), run.glyphs.join(','), run.positions.join(','), run.script, run.language ?? '', run.direction, features.join(',')].join(';');
}

/** The run `encodeRun` wrote, or undefined for a text that is not one. */
export function decodeRun(text: string): KeptRun | undefined {
  const parts = text.split(';');
  if (parts.length !== 7) return undefined;
  const [calls, glyphs, positions, script, language, direction, features] = parts as [string, string, string, string, string, string, string];
  const run: KeptRun = {
    calls: numbers(calls),
    glyphs: numbers(glyphs),
    positions: numbers(positions),
    script,
    language: language || null,
    direction,
    features: Object.fromEntries((features ? features.split(',') : []).map((tag) => (tag.startsWith('!') ? [tag.slice(1), false] : [tag, true]))),
  };
  const whole = [run.calls, run.glyphs, run.positions].every((list) => list.every(Number.isFinite)) && run.positions.length === run.glyphs.length * 4;
  return whole ? run : undefined;
}

/** The runs kept for one font and one review: those its last build used. */
export class FontShapes {
  /** Each run as `encodeRun` writes it: those read from the file and those shaped since. */
  readonly runs = new Map<string, string>();
  /** The runs the current build has used: the file is written with these alone. */
  readonly used = new Set<string>();
  /** Runs added since the file was read. */
  added = 0;
  constructor(readonly file: string) {}

  get(key: string): KeptRun | undefined {
    const text = this.runs.get(key);
    if (text === undefined) return undefined;
    this.used.add(key);
    return decodeRun(text);
  }

  /** A run the build took from memory, shaped or read earlier in the process: kept for the next. */
  touch(key: string): void {
    if (this.runs.has(key)) this.used.add(key);
  }

  /** Keeps a run shaped in this process, to be written by `saveShapes`. */
  keep(key: string, run: KeptRun): void {
    if (this.runs.size >= KEPT) return;
    this.runs.set(key, encodeRun(run));
    this.used.add(key);
    this.added++;
  }
}

let folder: string | undefined;
let scope = '';
/** Each font's runs, by the name of its file. */
const stores = new Map<string, FontShapes>();
/** The same, by the font's bytes. */
const byBytes = new Map<Uint8Array, FontShapes>();

/**
 * Starts a build that keeps its shaped strings in `dir` (the build's cache folder), or, with undefined, in memory
 * only. `review` tells reviews apart (its dataset, template and locale): each has its files, which hold the strings
 * of its last build, so that a file stays the size of one review however many are built, and a build reads no other
 * review's strings.
 */
export function useShapeStore(dir: string | undefined, review = ''): void {
  const next = dir && join(dir, 'shapes');
  if (next !== folder || review !== scope) {
    folder = next;
    scope = review;
    stores.clear();
    byBytes.clear();
  }
  for (const store of stores.values()) store.used.clear();
}

let identity: string | undefined;
/** fontkit's version and this format: a new fontkit shapes every string afresh. */
function shaperIdentity(): string {
  return (identity ??= `fontkit ${packageVersion('fontkit') ?? '?'} format ${FORMAT}`);
}

const fontHashes = new Map<Uint8Array, string>();
/** A font file's SHA-256, once per process. */
export function fontHash(bytes: Uint8Array): string {
  let hash = fontHashes.get(bytes);
  if (hash === undefined) fontHashes.set(bytes, (hash = sha256(bytes)));
  return hash;
}

/** The runs kept for the font with these bytes, read from its file the first time; undefined without a store. */
export function shapesOf(bytes: Uint8Array): FontShapes | undefined {
  if (folder === undefined) return undefined;
  const known = byBytes.get(bytes);
  if (known) return known;
  const name = sha256(`${shaperIdentity()}\n${fontHash(bytes)}\n${scope}`);
  let store = stores.get(name);
  if (!store) {
    store = new FontShapes(join(folder, `${name}.json`));
    // Without a file yet, or one that cannot be read, every string is shaped and the file written anew.
    const runs = readCacheEntry(store.file, name)?.runs;
    for (const kept of Array.isArray(runs) ? (runs as unknown[]) : []) {
      if (Array.isArray(kept) && typeof kept[0] === 'string' && typeof kept[1] === 'string') store.runs.set(kept[0], kept[1]);
    }
    stores.set(name, store);
  }
  byBytes.set(bytes, store);
  return store;
}

/** Writes each font's file whose runs the build changed (a temporary file, renamed); a folder that cannot be written costs only time. */
export function saveShapes(): void {
  for (const [name, store] of stores) {
    if (store.added === 0 && store.used.size === store.runs.size) continue;
    // The build's strings alone: those of earlier versions of the review are forgotten.
    for (const key of store.runs.keys()) if (!store.used.has(key)) store.runs.delete(key);
    keepInCache(store.file, JSON.stringify({ key: name, runs: [...store.runs] }));
    store.added = 0;
  }
}
