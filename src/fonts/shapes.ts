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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Raised when the file's format changes, so that no older file is read as a newer one. */
const FORMAT = 1;
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

/** The runs kept for one font. */
export class FontShapes {
  readonly runs = new Map<string, KeptRun>();
  /** Runs added since the file was read. */
  added = 0;
  constructor(readonly file: string) {}

  get(key: string): KeptRun | undefined {
    return this.runs.get(key);
  }

  /** Keeps a run shaped in this process, to be written by `saveShapes`. */
  keep(key: string, run: KeptRun): void {
    if (this.runs.size >= KEPT) return;
    this.runs.set(key, run);
    this.added++;
  }
}

let folder: string | undefined;
/** Each font's runs, by the name of its file. */
const stores = new Map<string, FontShapes>();
/** The same, by the font's bytes. */
const byBytes = new Map<Uint8Array, FontShapes>();

/** Keeps shaped strings in `dir` (the build's cache folder), or, with undefined, in memory only. */
export function useShapeStore(dir: string | undefined): void {
  const next = dir && join(dir, 'shapes');
  if (next === folder) return;
  folder = next;
  stores.clear();
  byBytes.clear();
}

let identity: string | undefined;
/** fontkit's version and this format: a new fontkit shapes every string afresh. */
function shaperIdentity(): string {
  if (identity !== undefined) return identity;
  const require = createRequire(import.meta.url);
  let version = '?';
  for (let dir = dirname(require.resolve('fontkit')); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const read = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (read.name !== 'fontkit') continue;
    version = read.version ?? '?';
    break;
  }
  return (identity = `fontkit ${version} format ${FORMAT}`);
}

const fontHashes = new Map<Uint8Array, string>();
/** A font file's SHA-256, once per process. */
export function fontHash(bytes: Uint8Array): string {
  let hash = fontHashes.get(bytes);
  if (hash === undefined) fontHashes.set(bytes, (hash = createHash('sha256').update(bytes).digest('hex')));
  return hash;
}

const isKeptRun = (r: unknown): r is KeptRun => {
  const run = r as Partial<KeptRun> | null;
  return (
    !!run &&
    Array.isArray(run.calls) &&
    Array.isArray(run.glyphs) &&
    Array.isArray(run.positions) &&
    run.positions.length === run.glyphs.length * 4 &&
    typeof run.script === 'string' &&
    typeof run.direction === 'string'
  );
};

/** The runs kept for the font with these bytes, read from its file the first time; undefined without a store. */
export function shapesOf(bytes: Uint8Array): FontShapes | undefined {
  if (folder === undefined) return undefined;
  const known = byBytes.get(bytes);
  if (known) return known;
  const name = createHash('sha256')
    .update(`${shaperIdentity()}\n${fontHash(bytes)}`)
    .digest('hex');
  let store = stores.get(name);
  if (!store) {
    store = new FontShapes(join(folder, `${name}.json`));
    try {
      const read = JSON.parse(readFileSync(store.file, 'utf8')) as { name?: string; runs?: [string, unknown][] };
      if (read.name === name && Array.isArray(read.runs)) for (const [key, run] of read.runs) if (isKeptRun(run)) store.runs.set(key, run);
    } catch {
      // No file yet, or one that cannot be read: every string is shaped, and the file written anew.
    }
    stores.set(name, store);
  }
  byBytes.set(bytes, store);
  return store;
}

/** Writes each font's file that gained runs in this process (a temporary file, renamed); a folder that cannot be written costs only time. */
export function saveShapes(): void {
  for (const [name, store] of stores) {
    if (store.added === 0) continue;
    const temporary = `${store.file}.${process.pid}-${threadId}.tmp`;
    try {
      mkdirSync(dirname(store.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ name, runs: [...store.runs] }));
      renameSync(temporary, store.file);
      store.added = 0;
    } catch {
      // A cache is an optimisation: a read-only or full disk costs time, never the build.
    }
  }
}
