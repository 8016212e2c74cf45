// A new PDF document set up for the review: page size, metadata from the dataset (never the clock), buffered
// pages, tagging, and the standard it claims (PDF/A by default: see standard.ts).
import PDFDocument from 'pdfkit';
import type { DocumentInfo } from '../document.js';
import { encodeSubsetsOnce } from '../fonts/subsets.js';
import type { Theme } from '../theme/index.js';
import { DEFAULT_PDF_STANDARD, pdfaSubset, type PdfStandard } from './standard.js';
import { collectOutput, fitTextOnLeavingPages, forgetWrittenDictionaries, keepStreamText } from './streams.js';
import { xmpDescriptions } from './xmp.js';

export { keepDeflatedIn, saveDeflated } from './deflated.js';

const TOOL = 'annual-review';

export function createPdf(info: DocumentInfo, theme: Theme, standard: PdfStandard = DEFAULT_PDF_STANDARD): PDFKit.PDFDocument {
  const date = new Date(`${info.date}T00:00:00Z`);
  const title = info.title.normalize('NFC');
  const author = info.author.normalize('NFC');
  const subject = info.subject?.normalize('NFC');
  const keywords = info.keywords.join(', ').normalize('NFC');
  const subset = pdfaSubset(standard);
  const doc = new PDFDocument({
    size: theme.page.size,
    margins: theme.page.margins,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    // pdfkit would keep each word's glyph run for the document's life; the fonts' own store (src/fonts/index.ts)
    // already serves a copy of it, which can then go as soon as the word is drawn.
    fontLayoutCache: false,
    pdfVersion: '1.7',
    ...(subset ? { subset } : {}),
    lang: info.language,
    tagged: true,
    displayTitle: true,
    info: {
      Title: title,
      Author: author,
      ...(subject ? { Subject: subject } : {}),
      ...(keywords ? { Keywords: keywords } : {}),
      Creator: TOOL,
      Producer: TOOL,
      CreationDate: date,
      ModDate: date,
    },
  });
  keepStreamText(doc);
  fitTextOnLeavingPages(doc);
  forgetWrittenDictionaries(doc);
  // What pdfkit writes from here on (all but the file's header) is collected without its readable stream.
  collected.set(doc, collectOutput(doc));
  // pdfkit's own XMP writes the values unescaped and leaves out what PDF/A and PDF/UA ask for: ours replaces it.
  const xmp = xmpDescriptions({ title, author, ...(subject ? { subject } : {}), keywords, tool: TOOL, date, language: info.language, ua: true });
  (doc as unknown as { _addInfo(): void })._addInfo = () => doc.appendXML(xmp);
  return doc;
}

/** The rest of each document's bytes, after those of its readable stream. */
const collected = new WeakMap<PDFKit.PDFDocument, () => Buffer[]>();

/**
 * Ends the document and collects its bytes in the parts they were written in: those its readable stream gives (the
 * header), then the rest. A large review's file is not copied into one buffer unless someone asks for it whole.
 */
export function finishPdfInParts(doc: PDFKit.PDFDocument): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const rest = collected.get(doc);
      resolve(rest ? [...chunks, ...rest()] : chunks);
    });
    doc.on('error', reject);
    encodeSubsetsOnce(doc);
    doc.end();
  });
}

/** Ends the document and gives its bytes as one buffer. */
export async function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return Buffer.concat(await finishPdfInParts(doc));
}
