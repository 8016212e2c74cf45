// The standards a review's PDF claims: PDF/A for archiving (identified in the XMP, with an sRGB output intent) and
// PDF/UA-1 for accessibility (tagged, every link in the structure). PDF/A-2 forbids embedding files other than
// PDF/A, so the data travels inside only under PDF/A-3 or plain PDF.

export const PDF_STANDARDS = ['a-3b', 'a-2b', 'none'] as const;
/** `a-3b`: PDF/A-3b with the data attached (the default); `a-2b`: PDF/A-2b, nothing attached; `none`: plain PDF 1.7 with the data attached. */
export type PdfStandard = (typeof PDF_STANDARDS)[number];
export const DEFAULT_PDF_STANDARD: PdfStandard = 'a-3b';

/** pdfkit's name for the PDF/A part and level, or none. */
export function pdfaSubset(standard: PdfStandard): 'PDF/A-3b' | 'PDF/A-2b' | undefined {
  return standard === 'a-3b' ? 'PDF/A-3b' : standard === 'a-2b' ? 'PDF/A-2b' : undefined;
}

/** Whether files may be attached: PDF/A-2 allows only PDF/A files inside. */
export const attachesData = (standard: PdfStandard) => standard !== 'a-2b';

export const isPdfStandard = (value: string): value is PdfStandard => (PDF_STANDARDS as readonly string[]).includes(value);
