// Splits an article into sentences, the unit a claim stub quotes.

/** "1. ", "2) ", "- ", "• " at the start of a line: list markers, not part of the sentence. */
const LIST_MARKER = /^\s*(?:[-*\u2022]|\(?\d{1,3}[.)])\s+/;
/**
 * Unicode's sentence boundaries (UAX #29, ICU's rules): "?" and "!" and the full stops of other scripts ("。") end a
 * sentence, "¿" may open one, and a full stop before a figure or a lower-case word ("Art. 5", "p. 12") does not end
 * one. ICU's rules are the same in every locale it ships; a fixed tag keeps the process's locale out of it.
 */
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Abbreviations whose full stop the rules take for a sentence's end before a capital ("Dr. Okafor"): ICU keeps a
 * list of these (its `ss` suppressions), but Node's ICU does not apply it, so the few that matter are here.
 */
const ABBREVIATION = /(?:^|[^\p{L}\p{N}.])(?:No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Prof|vs|approx|e\.g|i\.e)\.\s*$/u;

/** The sentences of one line, an abbreviation's segment joined to the next. */
function lineSentences(line: string): string[] {
  const out: string[] = [];
  for (const { segment } of SENTENCES.segment(line)) {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = last + segment;
    else out.push(segment);
  }
  return out;
}

/** The sentences of `text`, trimmed, in order; a line break always ends one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARKER, ''))
    .flatMap(lineSentences)
    .map((s) => s.trim())
    .filter(Boolean);
}
