// pdfkit turns every operator it writes into a stream (a glyph run, a colour, a move) into a byte array of its own,
// copied character by character: a 700-page review holds over a million small arrays until its streams are
// compressed, and the garbage collector walks them all. Here a stream's text is kept as one string and turned into
// bytes once, when something else is written to the stream or when it ends: the same bytes, in the same order.
import { deflateSync } from 'node:zlib';

interface StreamRef {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  /** Text written since the last bytes, a line each. */
  pending?: string[];
  /** Earlier lines of that text, joined by the thousand (a page's text is otherwise held as many small strings). */
  joined?: string[];
  write: (this: StreamRef, chunk: unknown) => void;
  finalize: (this: StreamRef) => void;
}

const PATCHED = Symbol.for('annual-review.stream-text');

/** Lines joined at a time. */
const JOINED = 1024;

/** The texts, each followed by a newline, as bytes: written straight into one buffer, with no joined string made. */
function linesToBytes(lists: readonly (readonly string[])[]): Buffer {
  let length = 0;
  for (const list of lists) for (const text of list) length += text.length + 1;
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const list of lists) {
    for (const text of list) {
      // latin1 keeps the low byte of each character, as pdfkit's own conversion does.
      at += bytes.write(text, at, 'latin1');
      bytes[at++] = 0x0a;
    }
  }
  return bytes;
}

function flush(ref: StreamRef): void {
  if (!ref.pending?.length && !ref.joined?.length) return;
  ref.buffer.push(linesToBytes([ref.joined ?? [], ref.pending ?? []]));
  ref.pending = [];
  ref.joined = [];
}

/** Makes pdfkit's indirect objects (whose class is that of `doc._root`) keep their streams' text as described above. */
export function keepStreamText(doc: PDFKit.PDFDocument): void {
  const prototype = Object.getPrototypeOf((doc as unknown as { _root: object })._root) as StreamRef & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const { write, finalize } = prototype;
  prototype.write = function (this: StreamRef, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    const line = String(chunk);
    const pending = (this.pending ??= []);
    pending.push(line);
    if (pending.length >= JOINED) {
      (this.joined ??= []).push(pending.join('\n'));
      this.pending = [];
    }
    this.uncompressedLength += line.length + 1;
    this.data.Length = (this.data.Length ?? 0) + line.length + 1;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function (this: StreamRef) {
    flush(this);
    // A stream of one part is compressed here, as pdfkit compresses it (deflateSync, its defaults), without pdfkit's
    // copy of the uncompressed bytes into a new array first; pdfkit then copies only the compressed ones.
    if (this.compress && this.buffer.length === 1) {
      this.buffer = [deflateSync(this.buffer[0]!)];
      this.compress = false;
      try {
        finalize.call(this);
      } finally {
        this.compress = true;
      }
      return;
    }
    finalize.call(this);
  };
  prototype[PATCHED] = true;
}

/**
 * The file's bytes written from now on, collected by the document itself: pdfkit makes a byte array of every line it
 * writes (an object's header, its dictionary, a cross-reference entry), copied character by character, and pushes each
 * into its readable stream, whose buffer a 700-page review fills with millions of them before they are read. Here the
 * lines are kept as text and turned into bytes once; byte arrays (compressed streams) are kept as they are. The
 * function returned gives the bytes written since, in order, in parts; the document's offsets are counted as pdfkit
 * counts them.
 */
export function collectOutput(doc: PDFKit.PDFDocument): () => Buffer[] {
  const written = doc as unknown as { _write(data: unknown): void; _offset: number };
  const parts: Buffer[] = [];
  let lines: string[] = [];
  const flushLines = () => {
    if (!lines.length) return;
    // latin1 keeps the low byte of each character, as pdfkit's own conversion does.
    parts.push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  written._write = (data: unknown) => {
    if (data instanceof Uint8Array) {
      flushLines();
      parts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      written._offset += data.byteLength;
      return;
    }
    const line = `${String(data)}\n`;
    lines.push(line);
    written._offset += line.length;
  };
  return () => {
    flushLines();
    return parts;
  };
}
