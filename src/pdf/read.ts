// Reads back the files a review carries inside (see attachments.ts), with pdf.js: a PDF found in an archive gives
// back the data it was made from.
import { basename } from 'node:path';
import { importEsm } from '../esm.js';
import { error, ReviewError } from '../errors.js';
import { messages } from './messages.js';

export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
}

/** The attached files of a PDF, by name; `file` locates the errors. */
export async function readAttachments(pdfBytes: Uint8Array, file: string): Promise<AttachedFile[]> {
  const { getDocument } = await importEsm<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>('pdfjs-dist/legacy/build/pdf.mjs');
  let attachments: Record<string, { filename: string; content: Uint8Array }> | null;
  try {
    const pdf = await getDocument({ data: new Uint8Array(pdfBytes), useSystemFonts: false, verbosity: 0 }).promise;
    attachments = (await pdf.getAttachments()) as typeof attachments;
    await pdf.destroy();
  } catch (e) {
    throw new ReviewError([error('pdf/unreadable', messages.unreadable((e as Error).message), { file })]);
  }
  const files = Object.values(attachments ?? {}).map((a) => ({ name: a.filename, bytes: a.content }));
  if (!files.length) throw new ReviewError([error('pdf/no-attachments', messages.noAttachments(), { file })]);
  // A name is written as a file: one that could leave the output folder is refused.
  const unsafe = files.filter((f) => f.name !== basename(f.name) || f.name.startsWith('.') || /[\\/:\0]/.test(f.name));
  if (unsafe.length) throw new ReviewError(unsafe.map((f) => error('pdf/attachment-name', messages.unsafeName(f.name), { file })));
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
