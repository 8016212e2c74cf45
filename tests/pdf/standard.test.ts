// The standards the PDF claims, read back: PDF/A identification and an sRGB output intent, metadata that parses
// and agrees with the Info dictionary whatever characters the dataset uses, and plain PDF when asked for.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { createPdf, finishPdf } from '../../src/pdf/document.js';
import type { PdfStandard } from '../../src/pdf/standard.js';
import { loadTheme } from '../../src/theme/index.js';
import { readPdf } from '../pdf-reader.js';

const theme = loadTheme([builtinTemplateDir]);
// Fictional metadata, with the characters XML must escape.
const info = { title: 'R&D <Review> "2026" of Ålborg & Hà Nội', author: 'Desk <A&B>', subject: 'Trade > aid & more', keywords: ['x&y', '<z>'], date: '2026-03-01', language: 'vi' };

async function build(standard?: PdfStandard) {
  const { blocks } = parseMarkup('# Heading\n\nSome text.', () => undefined, 'test.md');
  const doc = createPdf(info, theme, standard);
  layoutDocument(doc, { info, blocks: blocks as Block[] }, theme, new Map());
  const bytes = await finishPdf(doc);
  return { bytes, pdf: await readPdf(bytes), raw: bytes.toString('latin1') };
}

/** The output intent of the catalog: pdfkit writes dictionaries uncompressed, so it can be read from the bytes. */
const outputIntent = (raw: string) => /\/OutputIntents \[[^\]]+\]/.test(raw) && /\/S \/GTS_PDFA1/.test(raw) && /\/DestOutputProfile \d+ 0 R/.test(raw) && /sRGB IEC61966-2\.1/.test(raw);

describe('PDF standards', () => {
  it('claims PDF/A-3b by default, with an sRGB output intent, version 1.7', async () => {
    const { pdf, raw } = await build();
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf.hasXmp).toBe(true);
    expect(pdf.xmp('pdfaid:part')).toBe('3');
    expect(pdf.xmp('pdfaid:conformance')).toBe('B');
    expect(outputIntent(raw)).toBe(true);
  });

  it('claims PDF/A-2b when asked, and nothing with "none"', async () => {
    const a2 = await build('a-2b');
    expect([a2.pdf.xmp('pdfaid:part'), a2.pdf.xmp('pdfaid:conformance')]).toEqual(['2', 'B']);
    expect(outputIntent(a2.raw)).toBe(true);
    const plain = await build('none');
    expect(plain.pdf.hasXmp).toBe(true);
    expect(plain.pdf.xmp('pdfaid:part')).toBeUndefined();
    expect(plain.raw).not.toContain('/OutputIntents');
  });

  it('escapes the metadata for XMP, which then says what the Info dictionary says', async () => {
    const { pdf } = await build();
    expect(pdf.info.Title).toBe(info.title);
    expect(pdf.xmp('dc:title')).toBe(info.title);
    expect(pdf.info.Author).toBe(info.author);
    expect(pdf.xmp('dc:creator')).toEqual([info.author]);
    expect(pdf.xmp('dc:description')).toBe(info.subject);
    expect(pdf.info.Keywords).toBe('x&y, <z>');
    expect(pdf.xmp('pdf:keywords')).toBe('x&y, <z>');
    expect(pdf.xmp('xmp:createdate')).toBe('2026-03-01T00:00:00Z');
    expect(pdf.xmp('xmp:modifydate')).toBe('2026-03-01T00:00:00Z');
  });
});
