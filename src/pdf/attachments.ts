// Files embedded in the PDF as associated files (PDF/A-3's /AF with an AFRelationship), so that a review kept in an
// archive or attached to another report still carries its data. Dates are the review's, never the file system's.
import type { DataFile } from '../exports/index.js';

export function attachFiles(doc: PDFKit.PDFDocument, files: readonly DataFile[], date: string): void {
  const when = new Date(`${date}T00:00:00Z`);
  for (const f of files) {
    doc.file(Buffer.from(f.text, 'utf8'), {
      name: f.name,
      type: f.type,
      description: f.description,
      relationship: f.relationship,
      creationDate: when,
      modifiedDate: when,
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
}
