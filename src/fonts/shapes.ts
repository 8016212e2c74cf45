// Glyph runs kept on disk between runs, beside the drawn charts: a file per font and review (named by a hash of the
// font's bytes, the fontkit version, this file's format and the review) of the strings shaped with it. A string found there is not shaped again:
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
import { endianness } from 'node:os';
import { packageVersion } from '../input/paths.js';
import { KeptPart, ReviewStore, sha256 } from '../output/index.js';

/** Raised when the file's format changes, so that no older file is read as a newer one. */
const FORMAT = 6;
/** Runs kept per font: a very large review keeps its first strings, and shapes the rest each time. */
const KEPT = 200_000;

/**
 * A shaped string as kept: the font's glyph lookups made while shaping it (`calls`: per lookup the glyph id, the
 * number of code points asked with and those code points, then the number of code points the glyph came back with
 * and those, or -1 when they are the ones asked with), the run's glyph ids, its positions (four numbers per glyph:
 * x and y advance, x and y offset) and its script, language, direction and features. Its numbers are read as they
 * are used: the run is rebuilt only when each is one shaping could have given (fonts/index.ts).
 */
export interface KeptRun {
  calls: ArrayLike<number>;
  glyphs: ArrayLike<number>;
  positions: ArrayLike<number>;
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
}

/**
 * A run's words (script, language, direction, and its features as an index into the file's list of them: a font's
 * runs share a few) and the lengths of its calls and glyphs, as a file lists them.
 */
type RunHeader = [key: string, script: string, language: string | null, direction: string, features: number, calls: number, glyphs: number];

/** A view of `count` numbers of `size` bytes (4: 32-bit integers, 8: 64-bit floats) at `offset` in `bytes`. */
const numbersIn = (bytes: Buffer, offset: number, count: number, size: 4 | 8) =>
  size === 4 ? new Int32Array(bytes.buffer, bytes.byteOffset + offset, count) : new Float64Array(bytes.buffer, bytes.byteOffset + offset, count);

/** A number a 32-bit integer holds exactly (not -0, whose sign it would lose). */
const isInt32 = (n: number) => (n | 0) === n && !Object.is(n, -0);

/**
 * A font's kept runs as one file: the length of a JSON header (4 bytes, little-endian), the header (the file's key,
 * the size of its numbers, the runs' distinct features, and each run's `RunHeader`), zeros up to a multiple of 8
 * bytes, then every run's numbers (calls, glyphs, positions), run after run: as 32-bit integers when every number is
 * one (glyph ids, code points and a font's units are), otherwise as 64-bit floats. Read back, each run's numbers are
 * views of the file's bytes: nothing is parsed per number, and a run is a fraction of the memory of its arrays.
 */
export function encodeShapes(key: string, runs: Iterable<readonly [string, KeptRun]>): Buffer {
  const features: Record<string, boolean>[] = [];
  const featureIndex = new Map<string, number>();
  const headers: RunHeader[] = [];
  const parts: ArrayLike<number>[] = [];
  let count = 0;
  for (const [text, run] of runs) {
    const named = JSON.stringify(run.features);
    let index = featureIndex.get(named);
    if (index === undefined) featureIndex.set(named, (index = features.push(run.features) - 1));
    headers.push([text, run.script, run.language, run.direction, index, run.calls.length, run.glyphs.length]);
    parts.push(run.calls, run.glyphs, run.positions);
    count += run.calls.length + run.glyphs.length + run.positions.length;
  }
  const size = parts.every((part) => Array.prototype.every.call(part, isInt32)) ? 4 : 8;
  const header = Buffer.from(JSON.stringify({ key, size, features, runs: headers }), 'utf8');
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const file = Buffer.alloc(start + count * size);
  file.writeUInt32LE(header.length, 0);
  header.copy(file, 4);
  const numbers = numbersIn(file, start, count, size);
  let at = 0;
  for (const part of parts) {
    numbers.set(part, at);
    at += part.length;
  }
  return file;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

const isHeader = (h: unknown, features: number): h is RunHeader =>
  Array.isArray(h) &&
  h.length === 7 &&
  typeof h[0] === 'string' &&
  typeof h[1] === 'string' &&
  (h[2] === null || typeof h[2] === 'string') &&
  typeof h[3] === 'string' &&
  isCount(h[4]) &&
  h[4] < features &&
  isCount(h[5]) &&
  isCount(h[6]);

const isFeatures = (f: unknown): f is Record<string, boolean> => f !== null && typeof f === 'object' && !Array.isArray(f);

/** The runs `encodeShapes` wrote under `key`, or undefined for bytes that are not such a file (torn, another key). */
export function decodeShapes(file: Buffer, key: string): Map<string, KeptRun> | undefined {
  if (file.length < 4) return undefined;
  const length = file.readUInt32LE(0);
  if (4 + length > file.length) return undefined;
  let header: { key?: unknown; size?: unknown; features?: unknown; runs?: unknown };
  try {
    header = JSON.parse(file.toString('utf8', 4, 4 + length)) as typeof header;
  } catch {
    return undefined;
  }
  const { size, features, runs: headers } = header;
  if (header.key !== key || (size !== 4 && size !== 8) || !Array.isArray(features) || !features.every(isFeatures) || !Array.isArray(headers)) return undefined;
  if (!headers.every((h) => isHeader(h, features.length))) return undefined;
  const start = Math.ceil((4 + length) / 8) * 8;
  const count = headers.reduce((sum, h) => sum + h[5] + 5 * h[6], 0);
  if (file.length !== start + count * size) return undefined;
  // A view needs its bytes at a multiple of their size in their buffer; a file read into a shared pool may not be.
  const bytes = (file.byteOffset + start) % size === 0 ? file : Buffer.from(file);
  const numbers = numbersIn(bytes, start, count, size);
  const runs = new Map<string, KeptRun>();
  let at = 0;
  const take = (n: number) => numbers.subarray(at, (at += n));
  for (const [text, script, language, direction, index, calls, glyphs] of headers) {
    runs.set(text, { calls: take(calls), glyphs: take(glyphs), positions: take(4 * glyphs), script, language, direction, features: features[index]! });
  }
  return runs;
}

/** The runs kept for one font and one review: those its last build used. */
export type FontShapes = KeptPart<KeptRun>;

const store = new ReviewStore<KeptRun>({ folder: 'shapes', extension: 'bin', limit: KEPT, decode: decodeShapes, encode: encodeShapes });
/** Each font's runs, by the font's bytes. */
const byBytes = new Map<Uint8Array, FontShapes>();

/**
 * Starts a build that keeps its shaped strings in `dir` (the build's cache folder), or, with undefined, in memory
 * only. `review` tells reviews apart (its dataset, template and locale): each has its files, which hold the strings
 * of its last build.
 */
export function useShapeStore(dir: string | undefined, review = ''): void {
  if (store.use(dir, review)) byBytes.clear();
}

let identity: string | undefined;
/** fontkit's version and this format: a new fontkit shapes every string afresh. */
function shaperIdentity(): string {
  return (identity ??= `fontkit ${packageVersion('fontkit') ?? '?'} format ${FORMAT} ${endianness()}`);
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
  const known = byBytes.get(bytes);
  if (known) return known;
  const part = store.part(`${shaperIdentity()}\n${fontHash(bytes)}`);
  if (part) byBytes.set(bytes, part);
  return part;
}

/** Keeps a run shaped in this process (`made` makes it), its numbers as floats, as a file holds them: when the part has room. */
export function keepRun(shapes: FontShapes, key: string, made: () => KeptRun): void {
  shapes.keep(key, () => {
    const run = made();
    return { ...run, calls: Float64Array.from(run.calls), glyphs: Float64Array.from(run.glyphs), positions: Float64Array.from(run.positions) };
  });
}

/** Writes each font's file whose runs the build changed (a temporary file, renamed); a folder that cannot be written costs only time. */
export function saveShapes(): void {
  store.save();
}
