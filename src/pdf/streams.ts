// pdfkit turns every operator it writes into a stream (a glyph run, a colour, a move) into a byte array of its own,
// copied character by character: a 700-page review holds over a million small arrays until its streams are
// compressed, and the garbage collector walks them all. Here a stream's text is kept as one string and turned into
// bytes once, when something else is written to the stream or when it ends: the same bytes, in the same order.

interface StreamRef {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  /** Text written since the last bytes, a line each. */
  pending?: string[];
  write: (this: StreamRef, chunk: unknown) => void;
  finalize: (this: StreamRef) => void;
}

const PATCHED = Symbol.for('annual-review.stream-text');

function flush(ref: StreamRef): void {
  if (!ref.pending?.length) return;
  // latin1 keeps the low byte of each character, as pdfkit's own conversion does.
  ref.buffer.push(Buffer.from(`${ref.pending.join('\n')}\n`, 'latin1'));
  ref.pending = [];
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
    (this.pending ??= []).push(line);
    this.uncompressedLength += line.length + 1;
    this.data.Length = (this.data.Length ?? 0) + line.length + 1;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function (this: StreamRef) {
    flush(this);
    finalize.call(this);
  };
  prototype[PATCHED] = true;
}
