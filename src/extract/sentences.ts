// Splits an article into sentences, the unit a claim stub quotes.

/** "1. ", "2) ", "- ", "• " at the start of a line: list markers, not part of the sentence. */
const LIST_MARKER = /^\s*(?:[-*•]|\(?\d{1,3}[.)])\s+/;
/** Abbreviations whose full stop does not end a sentence ("Unit No. 4"). */
const ABBREVIATION = String.raw`(?<!\b(?:No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Prof|vs|approx|e\.g|i\.e)\.)`;
/** A full stop, "!" or "?", then white space, then what can open a sentence. */
const BOUNDARY = new RegExp(String.raw`${ABBREVIATION}(?<=[.!?]["”’)]?)\s+(?=[\p{Lu}\d“"(])`, 'u');

/** The sentences of `text`, trimmed, in order; a line break always ends one. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LIST_MARKER, ''))
    .flatMap((line) => line.split(BOUNDARY))
    .map((s) => s.trim())
    .filter(Boolean);
}
