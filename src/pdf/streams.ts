// pdfkit turns every operator it writes into a stream (a glyph run, a colour, a move) into a byte array of its own,
// copied character by character: a 700-page review holds over a million small arrays until its streams are
// compressed, and the garbage collector walks them all. Here each line is written at once into one buffer per stream,
// outside the JavaScript heap, which doubles as the text grows: the line is garbage as soon as it is written, and
// the same bytes come out in the same order.
import { compressed, documentStarted } from './deflated.js';
import { objectText, REFERENCES_BY_NUMBER } from './objects.js';
import type { PdfSink } from './index.js';

interface StreamRef {
  document: { _security?: unknown; _offset: number; _write(data: unknown): void; _refEnd(ref: StreamRef): void };
  id: number;
  gen: number;
  offset?: number;
  /** The stream's bytes so far, in parts: set-aside text (`TextAside`) only among a page's, from `leavingPages`. */
  buffer: (Uint8Array | TextAside)[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  /** Text written since the last bytes, as bytes: `textLength` of them, in a buffer with room for more. */
  text?: Buffer;
  textLength?: number;
  write: (this: StreamRef, chunk: unknown) => void;
  finalize: (this: StreamRef) => void;
}

const PATCHED = Symbol.for('annual-review.stream-text');

/**
 * Text of a page set aside by the document's sink (`PdfSink.setAside`), in its place among the page's parts: what
 * reads it back, under a key of the process, since another copy of this module may have patched pdfkit's prototype.
 */
const READ_BACK = Symbol.for('annual-review.text-aside');
interface TextAside {
  [READ_BACK]: () => Buffer;
}

const isAside = (part: Uint8Array | TextAside): part is TextAside => READ_BACK in part;

/** The stream's parts, set-aside text read back in its place. */
const inMemory = (parts: readonly (Uint8Array | TextAside)[]): Uint8Array[] => parts.map((part) => (isAside(part) ? part[READ_BACK]() : part));

/** A stream's first room for its text, in bytes. */
const FIRST_ROOM = 1024;

/**
 * Writes `line` and a newline into `bytes` at `at`, which has room for them, and gives the place after them. latin1
 * keeps the low byte of each character, as pdfkit's own conversion does.
 */
function putLine(bytes: Buffer, at: number, line: string): number {
  const end = at + bytes.write(line, at, 'latin1');
  bytes[end] = 0x0a;
  return end + 1;
}

/** Writes `line` and a newline after the stream's text, in a buffer twice as large when it does not fit. */
function writeLine(ref: StreamRef, line: string): void {
  const at = ref.textLength ?? 0;
  const need = at + line.length + 1;
  let text = ref.text;
  if (!text || text.length < need) {
    const grown = Buffer.allocUnsafe(Math.max(FIRST_ROOM, need, 2 * (text?.length ?? 0)));
    if (text) text.copy(grown, 0, 0, at);
    ref.text = text = grown;
  }
  ref.textLength = putLine(text, at, line);
}

/** The text written so far becomes one part of the stream's bytes. */
function flush(ref: StreamRef): void {
  if (!ref.text || !ref.textLength) return;
  ref.buffer.push(ref.text.subarray(0, ref.textLength));
  ref.text = undefined;
  ref.textLength = 0;
}

/** Makes pdfkit's indirect objects (whose class is that of `doc._root`) keep their streams' text as described above. */
export function keepStreamText(doc: PDFKit.PDFDocument): void {
  documentStarted();
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
    writeLine(this, line);
    this.uncompressedLength += line.length + 1;
    this.data.Length = (this.data.Length ?? 0) + line.length + 1;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  /** pdfkit writes the object, with the stream's bytes given as they are (compressed already, if they are to be). */
  const finalizeWith = (ref: StreamRef, bytes: Uint8Array | undefined) => {
    if (bytes) ref.buffer = [bytes];
    const compress = ref.compress;
    ref.compress = false;
    try {
      finalize.call(ref);
    } finally {
      ref.compress = compress;
    }
  };
  prototype.finalize = function (this: StreamRef) {
    flush(this);
    const parts = inMemory(this.buffer);
    this.buffer = parts;
    const doc = this.document;
    if (doc._security) {
      finalize.call(this);
      return;
    }
    // The stream's bytes, compressed as pdfkit compresses them (deflated.ts), without pdfkit's copy of a stream of one
    // part into a new array first.
    let bytes: Uint8Array | undefined;
    if (parts.length) {
      bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (this.compress) bytes = compressed(bytes);
      this.data.Length = bytes.length;
    }
    // The dictionary written as pdfkit writes it (objects.ts); one holding a value left to pdfkit, by pdfkit.
    const dictionary = objectText(this.data, prototype);
    if (dictionary === undefined) {
      finalizeWith(this, bytes);
      return;
    }
    this.offset = doc._offset;
    doc._write(`${this.id} ${this.gen} obj`);
    doc._write(dictionary);
    if (bytes?.length) {
      doc._write('stream');
      doc._write(bytes);
      this.buffer = [];
      doc._write('\nendstream');
    }
    doc._write('endobj');
    doc._refEnd(this);
  };
  prototype[PATCHED] = true;
}

/** The page text a document keeps in memory, in all, before it sets each page's aside as the layout leaves it. */
export const KEPT_PAGE_TEXT = 8 * 1024 * 1024;

/**
 * A page's text, whenever the layout leaves the page (for a new page, or another buffered one), put in a buffer of its
 * exact size: the room it had grown into, up to as much again, would otherwise be held with every page until the
 * document ends. Once the pages have kept `kept` bytes of text in all, a document with `setAside` (its sink's: see
 * `PdfSink.setAside`) sets each page's text aside instead, to be read back when the page's stream is written: the
 * running heads and page numbers are drawn into every page once the last is laid out, so a page's text cannot be
 * compressed and written before. Text written to the page later grows it again, until the layout leaves it once more.
 */
export function leavingPages(doc: PDFKit.PDFDocument, setAside?: PdfSink['setAside'], kept = KEPT_PAGE_TEXT): void {
  const pages = doc as unknown as { page?: { content: StreamRef }; addPage: (...args: unknown[]) => unknown; switchToPage: (...args: unknown[]) => unknown };
  // The text kept in memory: each page's, as much as when it was last left.
  let keeping = 0;
  const counted = new WeakMap<StreamRef, number>();
  const leave = () => {
    const ref = pages.page?.content;
    if (!ref?.text || !ref.textLength) return;
    if (setAside && keeping >= kept) {
      ref.buffer.push({ [READ_BACK]: setAside(ref.text.subarray(0, ref.textLength)) });
      ref.text = undefined;
      ref.textLength = 0;
      return;
    }
    keeping += ref.textLength - (counted.get(ref) ?? 0);
    counted.set(ref, ref.textLength);
    if (ref.textLength >= ref.text.length) return;
    const exact = Buffer.allocUnsafeSlow(ref.textLength);
    ref.text.copy(exact, 0, 0, ref.textLength);
    ref.text = exact;
  };
  for (const name of ['addPage', 'switchToPage'] as const) {
    const own = pages[name];
    pages[name] = function (this: unknown, ...args: unknown[]) {
      leave();
      return own.apply(this, args);
    };
  }
}

/** The bytes of every object written: none are kept (frozen, since none may be added). */
const NO_BYTES: readonly Uint8Array[] = Object.freeze([]);

/**
 * pdfkit keeps each object it has written, dictionary and all, for as long as anything points at it: a page's links
 * (its /Annots) and the structure tree's elements (through the parent tree) until the document ends, over a hundred
 * thousand of them in a review of a few thousand claims. Once written, neither is read again (the file names them by
 * number), so their dictionaries are let go. A structure element's is the one with a structure type (/S) and a parent
 * (/P) but no /Type: pdfkit writes it only when it has a parent, and keeps reading that parent (whether the element
 * was written, whether it is given a second one), so the parent stays. The element itself goes too: the parent tree
 * lists it by its number alone from the first page begun after it was written, and a written link is so listed by
 * its page at once. Every written object's list for the bytes of its stream, empty, is one list shared by all.
 */
export function forgetWrittenDictionaries(doc: PDFKit.PDFDocument): void {
  interface Written {
    id: number;
    gen: number;
    data: Record<string, unknown>;
    buffer: readonly unknown[];
  }
  const written = doc as unknown as {
    _refEnd: (ref: Written) => void;
    page?: { dictionary: { data: { Annots?: unknown[] } } };
    _root: { data: { StructTreeRoot?: { data: { ParentTree: NumberTree; ParentTreeNextKey: number } } } };
    addPage: (...args: unknown[]) => unknown;
  };
  const refEnd = written._refEnd;
  // The document's root is one of its references: every other shares its class.
  const numberOf = numbers(written._root);
  const isWritten = (item: unknown): item is Written => (item as Partial<Written> | null)?.buffer === NO_BYTES;
  // An object not written yet still has its own list for its stream's bytes; a number has none.
  const unwritten = (item: unknown) => typeof item === 'object' && item !== null && 'buffer' in item;
  /** A parent tree's entry, or an element of one, by its object number once it is written (pdfkit's are all generation 0). */
  const byNumber = (item: unknown): unknown => (isWritten(item) && item.gen === 0 ? item.id : item);
  // The parent tree's entries (a page's: the elements of its marked contents; a link's: its element) that held an
  // element not yet written when last looked at, and the first entry not looked at yet.
  let pending: number[] = [];
  let unseen = 0;
  /** Entry `key` of the parent tree with its written elements by number; whether it still holds one not written. */
  const numberWritten = (items: Record<number, unknown>, key: number): boolean => {
    const item = items[key];
    if (!Array.isArray(item)) {
      if (isWritten(item)) items[key] = byNumber(item);
      return unwritten(items[key]);
    }
    for (let i = 0; i < item.length; i++) item[i] = byNumber(item[i]);
    return item.some(unwritten);
  };
  // As the layout leaves a page, the entries added since, and those still waiting for an element, are looked at.
  const addPage = written.addPage;
  written.addPage = function (this: unknown, ...args: unknown[]) {
    const root = written._root.data.StructTreeRoot;
    if (root) {
      const tree = root.data.ParentTree;
      if (!(REFERENCES_BY_NUMBER in tree)) byNumberInTree(tree, (id) => numberOf({ id, gen: 0 }));
      const items = tree._items;
      const waiting = pending.filter((key) => numberWritten(items, key));
      for (; unseen < root.data.ParentTreeNextKey; unseen++) if (numberWritten(items, unseen)) waiting.push(unseen);
      pending = waiting;
    }
    return addPage.apply(this, args);
  };
  written._refEnd = function (this: unknown, ref) {
    refEnd.call(this, ref);
    // Each object had a list of its own for its stream's bytes, empty once written: all share one from then on.
    ref.buffer = NO_BYTES;
    const { data } = ref;
    if (data.Type === 'Annot') {
      ref.data = {};
      // A link is written as soon as pdfkit adds it to its page, whose /Annots lists it until the document ends: by
      // its number alone from then on. (Read without pdfkit's `annotations`, which would give a page without links an
      // empty /Annots.)
      const annotations = written.page?.dictionary.data.Annots;
      if (data.Subtype === 'Link' && annotations?.[annotations.length - 1] === ref) annotations[annotations.length - 1] = numberOf(ref);
    } else if (data.Type === undefined && typeof data.S === 'string' && data.P !== undefined) ref.data = { P: data.P };
  };
}

/**
 * pdfkit keeps a named destination in the array its arguments came in, after putting the page in front of them, which
 * grows it to room for some twenty values: each is kept as a copy of its own size instead (a quarter of the memory; the
 * ×100 review has 50,000, one for each page a source is cited on).
 */
export function destinationsOfTheirSize(doc: PDFKit.PDFDocument): void {
  const named = doc as unknown as {
    addNamedDestination: (name: string, ...args: unknown[]) => void;
    _root: { data: { Names: { data: { Dests: { _items: Record<string, unknown[]> } } } } };
  };
  const add = named.addNamedDestination;
  named.addNamedDestination = function (this: unknown, name: string, ...args: unknown[]) {
    add.call(this, name, ...args);
    const destinations = named._root.data.Names.data.Dests._items;
    destinations[name] = destinations[name]!.slice();
  };
}

/** pdfkit's number tree, as far as its entries go. */
interface NumberTree {
  _items: Record<number, unknown>;
  toString: (this: NumberTree, ...args: unknown[]) => string;
  [REFERENCES_BY_NUMBER]?: true;
}

/**
 * Marks `tree` as giving its written elements by number (`objects.ts` writes such a number as the reference). Should
 * pdfkit write the tree itself, its entries are given references again first.
 */
function byNumberInTree(tree: NumberTree, referenceTo: (id: number) => object): void {
  tree[REFERENCES_BY_NUMBER] = true;
  const own = tree.toString;
  tree.toString = function (this: NumberTree, ...args: unknown[]) {
    const reference = (item: unknown) => (typeof item === 'number' ? referenceTo(item) : item);
    for (const key of Object.keys(this._items)) {
      const item = this._items[Number(key)];
      this._items[Number(key)] = Array.isArray(item) ? item.map(reference) : reference(item);
    }
    return own.apply(this, args);
  };
}

/**
 * A written object's number (its id and generation), as pdfkit writes it and as `objects.ts` knows an indirect
 * reference: of a class whose prototype is that of `ref`'s, holding nothing else.
 */
function numbers(ref: object): (ref: { id: number; gen: number }) => object {
  class WrittenNumber {
    constructor(
      readonly id: number,
      readonly gen: number,
    ) {}
  }
  Object.setPrototypeOf(WrittenNumber.prototype, Object.getPrototypeOf(ref) as object);
  return ({ id, gen }) => new WrittenNumber(id, gen);
}

/** The size of the buffers the file's bytes are written into, one after another. */
const OUTPUT_PART = 1024 * 1024;

/**
 * The file's bytes written from now on, collected by the document itself: pdfkit makes a byte array of every line it
 * writes (an object's header, its dictionary, a cross-reference entry), copied character by character, and pushes each
 * into its readable stream, whose buffer a 700-page review fills with millions of them before they are read. Here
 * each line is written at once into a buffer outside the JavaScript heap (a 700-page review writes over a million
 * lines, which the garbage collector would otherwise walk until the end), and so are small byte arrays (compressed
 * streams); a large one is kept as it is, between the bytes before and after it. A full buffer is followed by a new
 * one, so nothing written is copied again until the file is put together. The function returned gives the bytes
 * written since, in order, in parts; the document's offsets are counted as pdfkit counts them. With a `sink`, each
 * part goes to it as soon as it is complete, at its place in the file, and is not kept: its buffer is written into
 * again (the function returned then gives nothing).
 */
export function collectOutput(doc: PDFKit.PDFDocument, sink?: PdfSink): () => Buffer[] {
  const written = doc as unknown as { _write(data: unknown): void; _offset: number };
  const parts: Buffer[] = [];
  // Where the next part goes in the file: after the bytes written so far (the header).
  let at = written._offset;
  const emit = (part: Buffer) => {
    if (sink) sink.write(part, at);
    else parts.push(part);
    at += part.length;
  };
  let out = Buffer.allocUnsafe(OUTPUT_PART);
  // The bytes of `out` from `from` to `used` are not yet a part.
  let from = 0;
  let used = 0;
  const close = () => {
    if (used > from) emit(out.subarray(from, used));
    from = used;
  };
  const room = (more: number) => {
    if (used + more <= out.length) return;
    close();
    // A part given to the sink is written already: its buffer can take the next.
    if (!sink || more > out.length) out = Buffer.allocUnsafe(Math.max(OUTPUT_PART, more));
    from = used = 0;
  };
  written._write = (data: unknown) => {
    if (data instanceof Uint8Array) {
      if (data.byteLength > OUTPUT_PART / 4) {
        close();
        emit(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      } else {
        room(data.byteLength);
        out.set(data, used);
        used += data.byteLength;
      }
      written._offset += data.byteLength;
      return;
    }
    const line = String(data);
    room(line.length + 1);
    used = putLine(out, used, line);
    written._offset += line.length + 1;
  };
  return () => {
    close();
    return parts;
  };
}
