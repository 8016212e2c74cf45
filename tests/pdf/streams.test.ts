// A stream's text kept as one string (src/pdf/streams.ts) gives the bytes pdfkit's own writing gives: each write on
// its line, in order with byte arrays written between, and each character's low byte.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { keepStreamText } from '../../src/pdf/streams.js';

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
