// Objects written by our writer (src/pdf/objects.ts, used by the streams' finalize in src/pdf/streams.ts) are byte
// for byte the ones pdfkit writes: every kind of value pdfkit's dictionaries hold, text strings that need escaping or
// UTF-16, name and number trees, links, structure, attachments (left to pdfkit) and streams of several parts.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { objectText } from '../../src/pdf/objects.js';
import { keepStreamText } from '../../src/pdf/streams.js';
import { pdfBytes } from '../support.js';

/** Every kind of value our writer writes: names, numbers pdfkit rounds, booleans, null, nested arrays and dictionaries. */
const values = (ref: unknown) => ({
  Type: 'Test',
  Name: 'A#b',
  Numbers: [0, -0, 1.5, -2.25, 1 / 3, 1e-7, 123456789.123456789, 1e20, -1e20],
  Flags: [true, false, null, undefined],
  Ascii: new String('plain (nested) \\ back\nline\r\t\b\f'),
  Empty: new String(''),
  Wide: new String('Phạm Thu Hằng ĉĨ\ud800 (x)'),
  Nested: { Inner: [{ Deep: new String('é') }, [], {}], Skipped: undefined, Ref: ref },
});

/** A document with one of each: the values above, a named destination per key, links, structure, an attachment, streams. */
async function documentBytes(ours: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true, tagged: true, pdfVersion: '1.7', info: { CreationDate: new Date(0), ModDate: new Date(0), Title: 'Ł\u00e9 (x)' } });
  if (ours) keepStreamText(doc);
  const bytes = pdfBytes(doc);
  const other = doc.ref({ Kind: 'other' }) as unknown as { end(): void };
  other.end();
  (doc.ref(values(other)) as unknown as { end(): void }).end();
  const section = doc.struct('Sect');
  doc.addStructure(section);
  for (const name of ['z-last', 'a (first)', 'Ằ', 'b\\c', '10', '9']) doc.addNamedDestination(name, 'XYZ', 72, 700, null);
  const paragraph = doc.struct('P');
  section.add(paragraph);
  paragraph.add(doc.markStructureContent('P'));
  doc.text('A paragraph, é, with a link.');
  doc.endMarkedContent();
  doc.goTo(72, 600, 100, 12, 'a (first)', { structParent: paragraph } as PDFKit.Mixins.AnnotationOption);
  doc.link(72, 580, 100, 12, 'https://example.org/a(b)', { structParent: paragraph } as PDFKit.Mixins.AnnotationOption);
  paragraph.end();
  doc.addPage().rect(10, 10, 50, 50).fill('#336699');
  // A link to the first page, by its number (pdfkit's types give only a URL).
  (doc as unknown as { link(x: number, y: number, w: number, h: number, page: number): unknown }).link(72, 560, 100, 12, 0);
  doc.file(Buffer.from('id,value\n1,2\n'), { name: 'data.csv', type: 'text/csv', creationDate: new Date(0), modifiedDate: new Date(0) });
  const parts = doc.ref({ Kind: 'parts' }) as unknown as { write(chunk: string | Uint8Array): void; end(): void };
  parts.write('q');
  parts.write(new Uint8Array([0, 255, 10]));
  parts.write('Q');
  parts.end();
  section.end();
  doc.end();
  return bytes;
}

describe('objects written as pdfkit writes them', () => {
  it('gives pdfkit’s bytes for every kind of value, trees, links, structure, attachments and streams', async () => {
    const own = await documentBytes(false);
    const ours = await documentBytes(true);
    expect(own.toString('latin1')).toContain('/Dests');
    expect(ours.equals(own)).toBe(true);
  });

  it('writes the values itself, and leaves dates, bytes and numbers pdfkit refuses to pdfkit', () => {
    const reference = Object.getPrototypeOf((new PDFDocument() as unknown as { _root: object })._root) as object;
    expect(objectText(values(undefined), reference)).toContain('/Wide (\u00fe\u00ff');
    expect(objectText({ When: new Date(0) }, reference)).toBeUndefined();
    expect(objectText({ Bytes: new Uint8Array([1]) }, reference)).toBeUndefined();
    expect(objectText({ Huge: 1e21 }, reference)).toBeUndefined();
    expect(objectText({ Nothing: Number.NaN }, reference)).toBeUndefined();
  });
});
