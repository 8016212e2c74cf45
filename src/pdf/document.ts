// A new PDF document set up for the review: page size, metadata from the dataset (never the clock), buffered pages.
import PDFDocument from 'pdfkit';
import type { DocumentInfo } from '../document.js';
import type { Theme } from '../theme.js';

/** pdfkit writes Title, Author, Subject and Keywords into XMP unescaped: keep markup characters out. */
const xmpSafe = (s: string) => s.normalize('NFC').replace(/&/g, 'and').replace(/[<>]/g, '');

export function createPdf(info: DocumentInfo, theme: Theme): PDFKit.PDFDocument {
  const date = new Date(`${info.date}T00:00:00Z`);
  return new PDFDocument({
    size: theme.page.size,
    margins: theme.page.margins,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    pdfVersion: '1.7',
    lang: info.language,
    tagged: true,
    displayTitle: true,
    info: {
      Title: xmpSafe(info.title),
      Author: xmpSafe(info.author),
      ...(info.subject ? { Subject: xmpSafe(info.subject) } : {}),
      Keywords: xmpSafe(info.keywords.join(', ')),
      Creator: 'annual-review',
      Producer: 'annual-review',
      CreationDate: date,
      ModDate: date,
    },
  } as PDFKit.PDFDocumentOptions);
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
