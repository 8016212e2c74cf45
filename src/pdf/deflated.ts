// Streams compressed once, ever. pdfkit compresses each stream of the PDF when it ends (deflateSync, its defaults): a
// page's text, a font's subset, an attached file, a chart's drawing. The same bytes compress to the same bytes with the
// same zlib, so what a build compressed is kept: with a cache folder, in its deflated/, a file per review holding the
// streams of its last build; and in memory from a process's second document on (a rebuild in `build --watch` or
// `preview`, a batch worker's next report, a program calling the library again). A process's first document without a
// cache folder neither hashes nor keeps anything, since most such processes make one.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { ReviewStore, cacheEntryIn, sha256 } from '../output/index.js';

/** Raised when the files' format changes, so that no older file is read as a newer one. */
const FORMAT = 1;

/** The bytes of an entry's name: the base64 of a SHA-256. */
const NAME = 44;
const NEWLINE = 0x0a;

/**
 * A review's file: a line of JSON with its key and the SHA-256 of the rest, then each stream's name (the base64 SHA-256
 * of its bytes before compression), its length (4 bytes, big-endian) and its compressed bytes. A file whose rest is
 * not what its first line says (torn, or changed since) is not read.
 */
const store = new ReviewStore<Uint8Array>({
  folder: 'deflated',
  extension: 'bin',
  limit: 8192,
  encode(key, entries) {
    const body = Buffer.concat(
      [...entries].flatMap(([name, bytes]) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        return [Buffer.from(name, 'latin1'), length, bytes];
      }),
    );
    return Buffer.concat([Buffer.from(`${JSON.stringify({ key, body: sha256(body) })}\n`), body]);
  },
  decode(file, key) {
    const head = file.indexOf(NEWLINE);
    const body = head < 0 ? undefined : file.subarray(head + 1);
    if (!body || cacheEntryIn(file.toString('utf8', 0, head), key)?.body !== sha256(body)) return undefined;
    const entries: [string, Uint8Array][] = [];
    for (let at = 0; at < body.length;) {
      if (at + NAME + 4 > body.length) return undefined;
      const end = at + NAME + 4 + body.readUInt32BE(at + NAME);
      if (end > body.length) return undefined;
      entries.push([body.toString('latin1', at, at + NAME), body.subarray(at + NAME + 4, end)]);
      at = end;
    }
    return entries;
  },
});

/** Documents made in this process so far. */
let documents = 0;

/** Streams compressed in this process, by name, the least recently used first; and the size of their bytes. */
const remembered = new Map<string, Uint8Array>();
let rememberedBytes = 0;

/** The most compressed bytes kept in memory for later documents. */
const REMEMBERED_BYTES = 16 * 1024 * 1024;

/** zlib's version and this format: another zlib compresses every stream afresh. */
const identity = () => `zlib ${process.versions.zlib} format ${FORMAT}`;

/**
 * Starts a build that keeps its compressed streams in `dir` (the build's cache folder), or, with undefined, in memory
 * only; `review` tells reviews apart.
 */
export function keepDeflatedIn(dir: string | undefined, review: string): void {
  store.use(dir, review);
}

/** Writes the review's file when the build compressed or stopped using any stream; a folder that cannot be written costs only time. */
export function saveDeflated(): void {
  store.save();
}

/** Notes a new document: from the second on, the process keeps what it compresses. */
export function documentStarted(): void {
  documents++;
}

/** Keeps `bytes` under `name` in memory, the oldest going once past the budget. */
function rememberDeflated(name: string, bytes: Uint8Array): void {
  if (remembered.has(name)) remembered.delete(name);
  else rememberedBytes += bytes.length;
  remembered.set(name, bytes);
  for (const [oldest, kept] of remembered) {
    if (rememberedBytes <= REMEMBERED_BYTES) break;
    remembered.delete(oldest);
    rememberedBytes -= kept.length;
  }
}

/** The bytes compressed as pdfkit compresses them (deflateSync, its defaults): kept ones when the same bytes were before. */
export function compressed(bytes: Uint8Array): Uint8Array {
  const part = store.part(identity());
  const inMemory = documents > 1;
  if (!part && !inMemory) return deflateSync(bytes);
  const name = createHash('sha256').update(bytes).digest('base64');
  const out = (inMemory ? remembered.get(name) : undefined) ?? part?.get(name) ?? deflateSync(bytes);
  // Noted as used; kept for the file when its part lacks it (compressed now, or remembered from another review's build).
  part?.use(name, () => out);
  if (inMemory) rememberDeflated(name, out);
  return out;
}
