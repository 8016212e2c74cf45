// A new PDF document set up for the review: page size, metadata from the dataset (never the clock), buffered
// pages, tagging, and the standard it claims (PDF/A by default: see standard.ts).
import PDFDocument from 'pdfkit';
import type { DocumentInfo } from '../document.js';
import { encodeSubsetsOnce } from '../fonts/subsets.js';
import type { Theme } from '../theme/index.js';
import { DEFAULT_PDF_STANDARD, pdfaSubset, type PdfStandard } from './standard.js';
import { collectOutput, destinationsOfTheirSize, forgetWrittenDictionaries, keepStreamText, leavingPages } from './streams.js';
import type { PdfSink } from './index.js';
import { xmpDescriptions } from './xmp.js';

export { keepDeflatedIn, saveDeflated } from './deflated.js';

const TOOL = 'annual-review';

/** A new document for the review; with a `sink`, its bytes go there as they are written instead of being kept. */
export function createPdf(info: DocumentInfo, theme: Theme, standard: PdfStandard = DEFAULT_PDF_STANDARD, sink?: PdfSink): PDFKit.PDFDocument {
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
  leavingPages(doc, sink?.setAside?.bind(sink));
  forgetWrittenDictionaries(doc);
  destinationsOfTheirSize(doc);
  // What pdfkit writes from here on (all but the file's header) is collected without its readable stream.
  collected.set(doc, { rest: collectOutput(doc, sink), sink });
  // pdfkit's own XMP writes the values unescaped and leaves out what PDF/A and PDF/UA ask for: ours replaces it.
  const xmp = xmpDescriptions({ title, author, ...(subject ? { subject } : {}), keywords, tool: TOOL, date, language: info.language, ua: true });
  (doc as unknown as { _addInfo(): void })._addInfo = () => doc.appendXML(xmp);
  return doc;
}

/** The rest of each document's bytes, after those of its readable stream. */
const collected = new WeakMap<PDFKit.PDFDocument, { rest: () => Buffer[]; sink: PdfSink | undefined }>();

/**
 * Ends the document and collects its bytes in the parts they were written in: those its readable stream gives (the
 * header), then the rest. A large review's file is not copied into one buffer unless someone asks for it whole. A
 * document made with a sink has given it every byte when this resolves, with no parts.
 */
export function finishPdfInParts(doc: PDFKit.PDFDocument): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const output = collected.get(doc);
      if (!output?.sink) {
        resolve(output ? [...chunks, ...output.rest()] : chunks);
        return;
      }
      output.rest();
      // The header, which the readable stream gives only now, goes at the start of the file.
      try {
        let at = 0;
        for (const chunk of chunks) {
          output.sink.write(chunk, at);
          at += chunk.length;
        }
        resolve([]);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
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
