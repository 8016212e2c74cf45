// A stream's text written into a buffer of its own, and the file's bytes collected into one (src/pdf/streams.ts),
// give the bytes pdfkit's own writing gives: each write on its line, in order with byte arrays written between, and
// each character's low byte, however often the buffers grow.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { collectOutput, keepStreamText } from '../../src/pdf/streams.js';

/** The bytes of an uncompressed stream written as `chunks`, in a document whose streams keep their text. */
async function streamBytes(chunks: readonly (string | Uint8Array)[]): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false });
  keepStreamText(doc);
  const out: Buffer[] = [];
  doc.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  const ref = doc.ref({}) as unknown as { write(chunk: string | Uint8Array): void; end(): void };
  for (const chunk of chunks) ref.write(chunk);
  ref.end();
  doc.end();
  await done;
  const pdf = Buffer.concat(out).toString('latin1');
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
async function documentBytes(collect: boolean, objects = 0, raw = 4): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true, info: { CreationDate: new Date(0), ModDate: new Date(0), Title: 'Ł\u00e9 (x)' } });
  const rest = collect ? collectOutput(doc) : undefined;
  const out: Buffer[] = [];
  doc.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
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
  await done;
  return Buffer.concat(rest ? [...out, ...rest()] : out);
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
});
