// A stream's text written into a buffer of its own, and the file's bytes collected into one (src/pdf/streams.ts),
// give the bytes pdfkit's own writing gives: each write on its line, in order with byte arrays written between, and
// each character's low byte, however often the buffers grow.
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { collectOutput, destinationsOfTheirSize, forgetWrittenDictionaries, keepStreamText, leavingPages } from '../../src/pdf/streams.js';
import { pdfBytes } from '../support.js';

/** The bytes of an uncompressed stream written as `chunks`, in a document whose streams keep their text. */
async function streamBytes(chunks: readonly (string | Uint8Array)[]): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false });
  keepStreamText(doc);
  const bytes = pdfBytes(doc);
  const ref = doc.ref({}) as unknown as { write(chunk: string | Uint8Array): void; end(): void };
  for (const chunk of chunks) ref.write(chunk);
  ref.end();
  doc.end();
  const pdf = (await bytes).toString('latin1');
  const start = pdf.indexOf('stream\n') + 'stream\n'.length;
  return Buffer.from(pdf.slice(start, pdf.indexOf('\nendstream', start)), 'latin1');
}

describe('stream text', () => {
  it('gives the bytes pdfkit writes: lines in order, byte arrays between them, low bytes of wide characters', async () => {
    const bytes = await streamBytes(['q', '1 0 0 1 72 720 cm', new Uint8Array([0, 255, 10]), 'BT', '\u0141\u00e9', 'ET']);
    expect([...bytes]).toEqual([...Buffer.from('q\n1 0 0 1 72 720 cm\n', 'latin1'), 0, 255, 10, ...Buffer.from('BT\n', 'latin1'), 0x41, 0xe9, 10, ...Buffer.from('ET\n', 'latin1')]);
  });

  it('gives the same bytes for a page of thousands of lines, and for a line longer than twice the room so far', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `${i} 0 0 1 ${i % 97} 720 cm`);
    const bytes = await streamBytes([...lines.slice(0, 1500), new Uint8Array([7]), ...lines.slice(1500)]);
    const expected = Buffer.concat([Buffer.from(`${lines.slice(0, 1500).join('\n')}\n`), Buffer.from([7]), Buffer.from(`${lines.slice(1500).join('\n')}\n`)]);
    expect(bytes.equals(expected)).toBe(true);
    const long = `${'0 1 m '.repeat(1000)}S`;
    const withLong = await streamBytes(['q', long, 'Q']);
    expect(withLong.equals(Buffer.from(`q\n${long}\nQ\n`, 'latin1'))).toBe(true);
  });

  it('counts the stream length the text and arrays give', async () => {
    const doc = new PDFDocument({ compress: false, autoFirstPage: false });
    keepStreamText(doc);
    const ref = doc.ref({}) as unknown as { write(c: unknown): void; data: { Length?: number } };
    ref.write('abc');
    ref.write(new Uint8Array([1, 2]));
    ref.write('de');
    expect(ref.data.Length).toBe(4 + 2 + 3);
  });
});

/**
 * A document's bytes: pdfkit's readable stream alone, or its header from there and the rest collected. Enough
 * `objects` (more dictionaries) fill more than one of the buffers the bytes are collected in, and a large byte array
 * of `raw` bytes is kept as it is.
 */
async function documentBytes(collect: boolean | 'sink', objects = 0, raw = 4): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true, info: { CreationDate: new Date(0), ModDate: new Date(0), Title: 'Ł\u00e9 (x)' } });
  // With a sink, each part is written at its place in a file of its own (here, a buffer): none is kept.
  let file = Buffer.alloc(0);
  const sink = {
    write(part: Uint8Array, at: number) {
      if (file.length < at + part.length) file = Buffer.concat([file, Buffer.alloc(at + part.length - file.length)]);
      file.set(part, at);
    },
  };
  const rest = collect ? collectOutput(doc, collect === 'sink' ? sink : undefined) : undefined;
  const bytes = pdfBytes(doc);
  doc.text('Page one, é');
  doc.addPage().rect(10, 10, 50, 50).fill('#336699');
  for (let i = 0; i < objects; i++) (doc.ref({ Kind: 'dictionary', Index: i, Name: `Ł\u00e9 ${i}` }) as unknown as { end(): void }).end();
  const ref = doc.ref({ Kind: 'raw' }) as unknown as { write(chunk: string | Uint8Array): void; end(): void };
  // Bytes that do not compress (the document compresses its streams; xorshift), the first four as in the small case.
  let state = 2463534242;
  const next = () => ((state ^= state << 13), (state ^= state >>> 17), (state ^= state << 5), state & 255);
  ref.write(Uint8Array.from({ length: raw }, (_, i) => (i < 4 ? [0, 255, 10, 128][i]! : next())));
  ref.end();
  doc.end();
  const own = await bytes;
  if (collect !== 'sink') return rest ? Buffer.concat([own, ...rest()]) : own;
  expect(rest!()).toEqual([]);
  // The header, which pdfkit's own stream gives, goes at the start.
  sink.write(own, 0);
  return file;
}

describe('collected output', () => {
  it('gives the bytes of pdfkit’s own stream, cross-reference offsets included', async () => {
    const own = await documentBytes(false);
    const collected = await documentBytes(true);
    expect(own.toString('latin1')).toContain('xref');
    expect(collected.equals(own)).toBe(true);
  });

  it('gives the same bytes when they fill several buffers, with a large byte array kept as it is between them', async () => {
    const own = await documentBytes(false, 25_000, 1_000_000);
    const collected = await documentBytes(true, 25_000, 1_000_000);
    expect(own.length).toBeGreaterThan(2_000_000);
    expect(collected.equals(own)).toBe(true);
  });

  it('gives the same bytes to a sink, each part at its place, keeping none', async () => {
    const own = await documentBytes(false, 25_000, 1_000_000);
    expect((await documentBytes('sink', 25_000, 1_000_000)).equals(own)).toBe(true);
    expect((await documentBytes('sink')).equals(await documentBytes(false))).toBe(true);
  });
});

interface Kept {
  data: Record<string, unknown>;
  buffer: unknown[];
}

/**
 * A tagged document of two pages, each with a paragraph in a section and a link in the paragraph, its text written
 * through the streams' own buffers; with `lean`, pages fitted on leaving and written dictionaries let go, and with
 * `lean` 'aside', every page's text set aside as it is left (as a sink beside the PDF does once the pages have kept
 * enough), into `aside`. Gives its bytes, the first page's text buffer when the second was begun, the links, the
 * paragraphs' dictionaries, what was set aside and read back, and the parent tree's entries.
 */
async function taggedDocument(lean: boolean | 'aside') {
  const doc = new PDFDocument({ compress: true, tagged: true, bufferPages: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
  keepStreamText(doc);
  const aside = { set: [] as string[], read: 0 };
  const setAside = (bytes: Uint8Array) => {
    const kept = Buffer.from(bytes);
    aside.set.push(kept.toString('latin1'));
    return () => {
      aside.read++;
      return kept;
    };
  };
  if (lean) {
    if (lean === 'aside') leavingPages(doc, setAside, 0);
    else leavingPages(doc);
    forgetWrittenDictionaries(doc);
  }
  const written = pdfBytes(doc);
  const section = doc.struct('Sect');
  doc.addStructure(section);
  const links: Kept[] = [];
  const paragraphs: Kept[] = [];
  const pages = doc as unknown as { page: { content: { text?: Buffer; textLength?: number }; annotations: Kept[] } };
  let firstPage: { room: number; used: number } | undefined;
  for (const n of [1, 2]) {
    if (n > 1) {
      const content = pages.page.content;
      doc.addPage();
      firstPage = { room: content.text?.length ?? 0, used: content.textLength ?? 0 };
    }
    const paragraph = doc.struct('P');
    section.add(paragraph);
    paragraph.add(doc.markStructureContent('P'));
    doc.text(`Paragraph ${n}, é. `.repeat(40));
    doc.endMarkedContent();
    doc.link(72, 600, 100, 12, `https://example.org/${n}`, { structParent: paragraph } as PDFKit.Mixins.AnnotationOption);
    links.push(...pages.page.annotations);
    paragraph.end();
    paragraphs.push((paragraph as unknown as { dictionary: Kept }).dictionary);
  }
  // Back to the first page, as the running heads are drawn: it is written to again.
  doc.switchToPage(0);
  doc.text('Running head');
  section.end();
  const parentTree = (doc as unknown as { _root: { data: { StructTreeRoot: { data: { ParentTree: { _items: Record<number, unknown>; toString(): string } } } } } })._root.data.StructTreeRoot.data
    .ParentTree;
  const tree = parentTree._items;
  doc.end();
  return { bytes: await written, firstPage: firstPage!, links, paragraphs, aside, tree, parentTree };
}

describe('pages fitted and dictionaries let go', () => {
  it('give the same bytes, and the document still ends', async () => {
    const lean = await taggedDocument(true);
    const own = await taggedDocument(false);
    expect(lean.bytes.equals(own.bytes)).toBe(true);
    expect(lean.bytes.toString('latin1')).toContain('/StructParent');
  });

  it('keep a page’s text in a buffer of its size once the layout leaves it', async () => {
    const { firstPage } = await taggedDocument(true);
    expect(firstPage.used).toBeGreaterThan(1024);
    expect(firstPage.room).toBe(firstPage.used);
    const own = await taggedDocument(false);
    expect(own.firstPage.used).toBe(firstPage.used);
    expect(own.firstPage.room).toBeGreaterThan(own.firstPage.used);
  });

  it('set a page’s text aside as the layout leaves it, once the pages have kept enough, and read it back once', async () => {
    const { bytes, firstPage, aside } = await taggedDocument('aside');
    expect(bytes.equals((await taggedDocument(false)).bytes)).toBe(true);
    // Nothing of the first page is held once it is left: its text is aside, whole.
    expect(firstPage).toEqual({ room: 0, used: 0 });
    // The first page as left for the second, and the second as left for the first (whose running head, written last,
    // stays in memory: the layout never left it again).
    expect(aside.set).toHaveLength(2);
    expect(aside.set.every((text) => text.includes('BT'))).toBe(true);
    expect(aside.read).toBe(2);
    const kept = await taggedDocument(true);
    expect(kept.aside.set).toEqual([]);
  });

  it('read back the text another copy of this module set aside, in a process where this one patched pdfkit', async () => {
    /** Two pages, written through `streams` (and, with `other`, their text set aside by it), as bytes. */
    const twoPages = async (other?: typeof import('../../src/pdf/streams.js')) => {
      const doc = new PDFDocument({ compress: true, bufferPages: true, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
      // pdfkit's objects are patched once per process, here by this file's copy of the module.
      keepStreamText(doc);
      if (other)
        other.leavingPages(
          doc,
          (bytes) =>
            (
              (kept) => () =>
                kept
            )(Buffer.from(bytes)),
          0,
        );
      const bytes = pdfBytes(doc);
      doc.text('First page, é.');
      doc.addPage().text('Second page.');
      doc.switchToPage(0);
      doc.text('Running head.');
      doc.end();
      return bytes;
    };
    vi.resetModules();
    const other = await import('../../src/pdf/streams.js');
    expect(other.leavingPages).not.toBe(leavingPages);
    expect((await twoPages(other)).equals(await twoPages())).toBe(true);
  });

  it('let go of written links and structure elements, keeping an element’s parent, and share their empty lists of bytes', async () => {
    const { bytes, links, paragraphs } = await taggedDocument(true);
    // A page lists its written link by its number alone, which the page's /Annots gives (a link a page).
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(Object.keys(link)).toEqual(['id', 'gen']);
      expect(bytes.toString('latin1')).toContain(`/Annots [${String(link)}]`);
    }
    for (const paragraph of paragraphs) {
      expect(paragraph.data.P).toBeDefined();
      expect(paragraph.data.S).toBeUndefined();
    }
    // Their lists for stream bytes, empty, are one list.
    expect(paragraphs[0]!.buffer).toEqual([]);
    expect(paragraphs[1]!.buffer).toBe(paragraphs[0]!.buffer);
    const own = await taggedDocument(false);
    expect(own.links[0]!.data.Subtype).toBe('Link');
    expect(own.paragraphs[0]!.data.S).toBe('P');
    expect(own.paragraphs[1]!.buffer).not.toBe(own.paragraphs[0]!.buffer);
  });
  it('name a written element in the parent tree by its number once the layout leaves its page, and no other', async () => {
    const { bytes, tree, paragraphs, parentTree } = await taggedDocument(true);
    /** The parent tree's entries: for each page, the elements of its marked contents; for each link, its element. */
    const entries = Object.values(tree).map((entry) => (Array.isArray(entry) ? entry : [entry]) as unknown[]);
    expect(entries).toHaveLength(4);
    // The first page's paragraph, written before the second page began, through its text and its link; the second's,
    // written on a page the layout never left, is still its dictionary.
    const first = Number(String(paragraphs[0]).split(' ')[0]);
    expect(entries.flat().filter((element) => typeof element === 'number')).toEqual([first, first]);
    expect(entries.flat().filter((element) => element === paragraphs[1])).toHaveLength(2);
    const own = await taggedDocument(false);
    expect(bytes.equals(own.bytes)).toBe(true);
    expect(
      Object.values(own.tree)
        .flat()
        .every((element) => Object.keys(element as object).includes('data')),
    ).toBe(true);
    // Written by pdfkit itself, the tree gives the same references.
    expect(parentTree.toString()).toContain(`[${String(paragraphs[0])}]`);
    expect(parentTree.toString()).toBe(own.parentTree.toString());
  });
});

describe('named destinations', () => {
  it('are kept as pdfkit keeps them, each in an array of its own, and written the same', async () => {
    const made = (own: boolean) => {
      const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0), ModDate: new Date(0) } });
      if (own) destinationsOfTheirSize(doc);
      const bytes = pdfBytes(doc);
      doc.addNamedDestination('first', 'XYZ', 72, 100.5, null);
      doc.addPage().addNamedDestination('second', 'XYZ', 40, 300, null);
      doc.addNamedDestination('third');
      const destinations = (doc as unknown as { _root: { data: { Names: { data: { Dests: { _items: Record<string, unknown[]> } } } } } })._root.data.Names.data.Dests._items;
      const kept = { ...destinations };
      doc.end();
      return { bytes, kept };
    };
    const own = made(true);
    const theirs = made(false);
    expect((await own.bytes).equals(await theirs.bytes)).toBe(true);
    expect((await own.bytes).toString('latin1')).toMatch(/\(first\) \[\d+ 0 R \/XYZ 72 691\.5 null\]/);
    expect(Object.keys(own.kept)).toEqual(['first', 'second', 'third']);
    for (const name of ['first', 'second', 'third']) {
      expect(own.kept[name]!.slice(1)).toEqual(theirs.kept[name]!.slice(1));
      expect(String(own.kept[name]![0])).toBe(String(theirs.kept[name]![0]));
    }
  });
});

/** Every compressed stream of a PDF, decompressed, in order. */
function inflatedStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  for (let at = text.indexOf('stream\n'); at >= 0; at = text.indexOf('stream\n', at + 1)) {
    if (text.slice(at - 3, at) === 'end') continue;
    const start = at + 'stream\n'.length;
    streams.push(inflateSync(pdf.subarray(start, text.indexOf('\nendstream', start))).toString('latin1'));
  }
  return streams;
}

describe('compressed streams', () => {
  /** A document of one page that says `said`, made with this process's streams. */
  async function page(said: string): Promise<Buffer> {
    const doc = new PDFDocument({ compress: true, info: { CreationDate: new Date(0) } });
    keepStreamText(doc);
    const bytes = pdfBytes(doc);
    doc.text(said);
    doc.end();
    return bytes;
  }

  it('come out the same in a later document of the process, kept or compressed afresh', async () => {
    // Made after other documents: a process keeps what it compressed from its second document on.
    await page('warming');
    const first = await page('alpha');
    expect((await page('alpha')).equals(first)).toBe(true);
    // A page of the same length and other text is compressed afresh, not served the first page's bytes.
    const other = await page('omega');
    expect(other.equals(first)).toBe(false);
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
    expect(inflatedStreams(other).join('')).toContain(hex('omega'));
    expect(inflatedStreams(first).join('')).toContain(hex('alpha'));
    expect(inflatedStreams(first).join('')).not.toContain(hex('omega'));
  });
});
