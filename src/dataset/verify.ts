// Quote verification: every claim's quote must stand in the text of its source, allowing for the differences
// a copy may legitimately have (runs of white space, typographic quotes and dashes, NFC or NFD).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Diagnostic } from '../errors.js';
import { displayPath } from './load.js';
import type { Dataset } from './types.js';

export const verifyMessages = {
  missingText: (file: string) => `the source text "${file}" cannot be read`,
  notFound: (source: string, file: string) => `the quote is not found in the text of source "${source}" (${file})`,
};

/** Folds what may differ between a quote and its source without changing what it says. */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u2032\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function verifyQuotes(dataset: Dataset, sourcesDir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const texts = new Map<string, string | undefined>();
  dataset.sources.forEach((s, i) => {
    try {
      texts.set(s.id, foldForComparison(readFileSync(join(sourcesDir, s.file), 'utf8')));
    } catch {
      texts.set(s.id, undefined);
      const path = `sources[${i}].file`;
      out.push(error('verify/missing-text', verifyMessages.missingText(displayPath(join(sourcesDir, s.file))), { ...dataset.positions.get(path), path }));
    }
  });
  const fileOf = new Map(dataset.sources.map((s) => [s.id, s.file]));
  dataset.claims.forEach((c, i) => {
    const text = texts.get(c.source);
    if (text === undefined || text.includes(foldForComparison(c.quote))) return;
    const path = `claims[${i}].quote`;
    out.push(error('verify/quote-not-found', verifyMessages.notFound(c.source, fileOf.get(c.source) ?? '?'), { ...dataset.positions.get(path), path }));
  });
  return out;
}
