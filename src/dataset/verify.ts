// Quote verification: every claim's quote must stand in the text of its source, allowing for the differences
// a faithful copy may still have (runs of white space, typographic quotes and dashes, NFC or NFD).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Diagnostic } from '../errors.js';
import { displayPath } from '../input/paths.js';
import type { Dataset } from './types.js';

/** Every message text of quote verification, so that code and tests build them the same way. */
export const verifyMessages = {
  missingText: (file: string) => `the source text "${file}" cannot be read`,
  notFound: (source: string, file: string) => `the quote is not found in the text of source "${source}" (${file})`,
};

/** Folds what may differ between a quote and its source without changing what it says. */
export function foldForComparison(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\s+/g, ' ')
      // "2025—around" and "2025 – around" are the same words: spacing around a dash is typesetting.
      .replace(/ ?- ?/g, '-')
      .trim()
  );
}

/** A source's text, folded, or undefined when it could not be read. */
export type SourceTexts = ReadonlyMap<string, string | undefined>;

/** Checks the quotes against texts already read (pure): one located error per quote not found. */
export function checkQuotes(dataset: Dataset, texts: SourceTexts): Diagnostic[] {
  const fileOf = new Map(dataset.sources.map((s) => [s.id, s.file]));
  return dataset.claims.flatMap((claim, i) => {
    const text = texts.get(claim.source);
    // An unreadable or unknown source is reported once, by the reader or by validation, not once per quote.
    if (text === undefined || text.includes(foldForComparison(claim.quote))) return [];
    const path = `claims[${i}].quote`;
    const message = verifyMessages.notFound(claim.source, fileOf.get(claim.source) ?? '');
    return [error('verify/quote-not-found', message, { ...dataset.positions.get(path), path })];
  });
}

/** Reads each source's `file` inside `sourcesDir`; an unreadable file is an error located at that field. */
function readSourceTexts(dataset: Dataset, sourcesDir: string): { texts: SourceTexts; diagnostics: Diagnostic[] } {
  const texts = new Map<string, string | undefined>();
  const diagnostics: Diagnostic[] = [];
  dataset.sources.forEach((source, i) => {
    const file = join(sourcesDir, source.file);
    try {
      texts.set(source.id, foldForComparison(readFileSync(file, 'utf8')));
    } catch {
      texts.set(source.id, undefined);
      const path = `sources[${i}].file`;
      diagnostics.push(error('verify/missing-text', verifyMessages.missingText(displayPath(file)), { ...dataset.positions.get(path), path }));
    }
  });
  return { texts, diagnostics };
}

/** Every claim's quote must be found in its source's text file inside `sourcesDir`. */
export function verifyQuotes(dataset: Dataset, sourcesDir: string): Diagnostic[] {
  const { texts, diagnostics } = readSourceTexts(dataset, sourcesDir);
  return [...diagnostics, ...checkQuotes(dataset, texts)];
}
