// Font subsets encoded once, ever. pdfkit embeds each font as the subset of the glyphs the document used, which
// fontkit encodes when the PDF ends: each glyph's outline read and copied, the font's tables written again (about
// 20 ms for the default review's fonts, each time). The same font's subset of the same glyphs, in the same order, is
// the same bytes: kept in memory and, with a cache folder, in its subsets/, a file per font and review holding the
// subset of its last build.
import { packageVersion } from '../input/paths.js';
import { ReviewStore, cacheEntryIn, remember, sha256 } from '../output/index.js';
import { fontBytes } from './index.js';
import { fontHash } from './shapes.js';

/** Raised when the files' format changes, so that no older file is read as a newer one. */
const FORMAT = 1;

/** fontkit's subset of a font, as pdfkit's embedded font holds it. */
interface Subset {
  /** The font's glyph ids, in the subset's order. */
  glyphs: number[];
  encode(): Uint8Array;
}

const store = new ReviewStore<Uint8Array>({
  folder: 'subsets',
  extension: 'json',
  limit: 4,
  encode: (key, entries) => JSON.stringify({ key, entries: [...entries].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]) }),
  decode(file, key) {
    const read = cacheEntryIn(file.toString('utf8'), key)?.entries;
    if (!Array.isArray(read) || !read.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string')) return undefined;
    return (read as [string, string][]).map(([name, base64]) => [name, Buffer.from(base64, 'base64')] as const);
  },
});

/** Subsets encoded in this process, by font and glyphs: a build without a cache folder (the library's) reads them. */
const encoded = new Map<string, Uint8Array>();
const REMEMBERED = 32;

let identity: string | undefined;
/** fontkit's version and this format: a new fontkit encodes every subset afresh. */
const encoderIdentity = () => (identity ??= `fontkit ${packageVersion('fontkit') ?? '?'} format ${FORMAT}`);

/**
 * Starts a build that keeps its fonts' subsets in `dir` (the build's cache folder), or, with undefined, in memory only;
 * `review` tells reviews apart.
 */
export function keepSubsetsIn(dir: string | undefined, review: string): void {
  store.use(dir, review);
}

/** Writes each font's file whose subset the build changed; a folder that cannot be written costs only time. */
export function saveSubsets(): void {
  store.save();
}

/**
 * Has `subset` (of the font with these bytes) give the bytes kept for the same glyphs when there are some, and keep
 * those it encodes otherwise. pdfkit reads nothing of the subset once encoded (its widths and characters are its
 * own), so the glyphs fontkit adds while encoding (a composite glyph's parts) need not be added.
 */
export function encodeOnce(subset: Subset, fontBytes: Uint8Array): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const font = `${encoderIdentity()}\n${fontHash(fontBytes)}`;
    const key = sha256(`${font}\n${subset.glyphs.join(',')}`);
    const part = store.part(font);
    const kept = encoded.get(key) ?? part?.get(key);
    const bytes = kept ?? encode();
    part?.use(key, () => bytes);
    if (!encoded.has(key)) remember(encoded, key, bytes, REMEMBERED);
    // A copy: the PDF's stream is given bytes of its own.
    return new Uint8Array(bytes);
  };
}

/** Has each font of `doc` that this module's fonts loaded encode its subset once (see `encodeOnce`): before the PDF ends. */
export function encodeSubsetsOnce(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, { font?: unknown; subset?: Subset } | undefined> })._fontFamilies;
  for (const font of Object.values(families)) {
    const bytes = fontBytes(font?.font);
    if (bytes && font?.subset) encodeOnce(font.subset, bytes);
  }
}
