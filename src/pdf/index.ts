// The PDF stage's public entry for what needs no PDF library: the standards a PDF can claim, reading the data files
// a review PDF carries (pdf.js, loaded when called) and the stage's messages. Making a PDF (`document.ts`,
// `attachments.ts`) is loaded on demand by the pipeline, so that commands that make none never load pdfkit.
export { attachesData, DEFAULT_PDF_STANDARD, isPdfStandard, PDF_STANDARDS, type PdfStandard } from './standard.js';
export { readAttachments } from './read.js';
export { pdfjsBrowserFiles } from './viewer.js';
export { messages } from './messages.js';

/** Where a PDF's bytes go as they are written, instead of being kept: each part at its place in the file. */
export interface PdfSink {
  write(bytes: Uint8Array, position: number): void;
  /**
   * Keeps `bytes` out of memory (on the disk, beside the PDF) until the function returned reads them back: a large
   * review's page text, which waits from its page's layout to the end of the document. Each is read back once, before
   * the PDF's last bytes are written. Without it, the text stays in memory.
   */
  setAside?(bytes: Uint8Array): () => Buffer;
}
