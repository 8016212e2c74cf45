// Files embedded in the PDF as associated files (PDF/A-3's /AF with an AFRelationship), so that a review kept in an
// archive or attached to another report still carries its data. Dates are the review's, never the file system's.
import { createHash } from 'node:crypto';
import type { DataFile } from '../exports/index.js';

export function attachFiles(doc: PDFKit.PDFDocument, files: readonly DataFile[], date: string): void {
  for (const f of files) attach(doc as unknown as AttachingDocument, Buffer.from(f.text, 'utf8'), attachmentOf(f, date));
}

/** A data file's attachment, as pdfkit's `doc.file` takes its options: dated by the review. */
export function attachmentOf(f: DataFile, date: string): Attachment {
  const when = new Date(`${date}T00:00:00Z`);
  return { name: f.name, type: f.type, description: f.description, relationship: f.relationship, creationDate: when, modifiedDate: when };
}

export interface Attachment {
  name: string;
  type: string;
  description: string;
  relationship: string;
  creationDate: Date;
  modifiedDate: Date;
}

interface Ref {
  end(data?: Uint8Array): void;
}

/** The parts of pdfkit's document an attachment is made with. */
interface AttachingDocument {
  ref(data: Record<string, unknown>): Ref;
  addNamedEmbeddedFile(name: string, ref: Ref): void;
  _root: { data: { AF?: Ref[] } };
  _fileRegistry?: Record<string, Record<string, unknown>>;
}

/** A character pdfkit writes as itself in a name (0.20's isSafeCharCode); any other is written #XX. */
const safeInName = (code: number) => code > 0x7f || (code > 0x20 && code !== 0x7f && !'#%()/<>[]{}'.includes(String.fromCharCode(code)));

/** A name as pdfkit escapes it (0.20's escapeName). */
function escapeName(name: string): string {
  let escaped = '';
  for (const c of name) escaped += safeInName(c.charCodeAt(0)) ? c : `#${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return escaped;
}

/**
 * What pdfkit's `doc.file(data, options)` does (0.20, AttachmentsMixin.file, for bytes given as such), object for
 * object and in the same order, with the file's MD5 checksum computed by Node: pdfkit computes it in JavaScript, one
 * small array a step (about 10 ms and 10 MB of garbage for the default review's data). tests/pdf/attachments.test.ts
 * holds the PDF to pdfkit's own, byte for byte.
 */
function attach(doc: AttachingDocument, data: Uint8Array, options: Attachment): void {
  const refBody: { Type: string; Params: Record<string, unknown>; Subtype?: string } = { Type: 'EmbeddedFile', Params: {} };
  refBody.Params.CreationDate = options.creationDate;
  refBody.Params.ModDate = options.modifiedDate;
  if (options.type) refBody.Subtype = escapeName(options.type);
  refBody.Params.CheckSum = new String(createHash('md5').update(data).digest('hex'));
  refBody.Params.Size = data.byteLength;
  doc._fileRegistry ??= {};
  const ref = doc.ref(refBody);
  ref.end(data);
  doc._fileRegistry[options.name] = { ...refBody, ref };
  const fileSpecBody: Record<string, unknown> = {
    Type: 'Filespec',
    AFRelationship: options.relationship || 'Unspecified',
    F: new String(options.name),
    EF: { F: ref },
    UF: new String(options.name),
  };
  if (options.description) fileSpecBody.Desc = new String(options.description);
  const filespec = doc.ref(fileSpecBody);
  filespec.end();
  doc.addNamedEmbeddedFile(options.name, filespec);
  if (doc._root.data.AF) doc._root.data.AF.push(filespec);
  else doc._root.data.AF = [filespec];
}
