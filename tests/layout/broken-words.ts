// The words a layout broke at a line end, read from the boxes it placed, and a check that a text extracted from the
// PDF gives each of them whole: shared by the test reading the PDF with pdf.js and MuPDF and the one reading it with
// poppler (tests/system/extraction.test.ts).
import type { LayoutBox, LayoutResult } from '../../src/layout/index.js';

export interface BrokenWord {
  /** The last word of the line, ending in a hyphen ("interna-"), and the first word of the next line ("tional,"). */
  head: string;
  tail: string;
  /** The word as the text has it: "international," (a hyphen the layout added) or "UNESCO-recognised" (its own). */
  whole: string;
  page: number;
  /** The words of the first part's line that extract there ("… a longer list of interna-"): without a broken word's second part. */
  line: string;
}

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
const letters = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every line that ends in a word broken after a hyphen and goes on below it on the same page (the next box of the
 * same kind, right under it). Whether the hyphen is the text's own is read from `source`, the text laid out.
 */
export function brokenWords(layout: LayoutResult, source: string): BrokenWord[] {
  const boxes = layout.boxes.filter((b) => b.text !== undefined && b.kind !== 'row');
  const out: BrokenWord[] = [];
  let tailLine: LayoutBox | undefined;
  for (let i = 0; i + 1 < boxes.length; i++) {
    const a = boxes[i]!;
    const b = boxes[i + 1]!;
    if (a.kind !== b.kind || a.page !== b.page || Math.abs(b.y - (a.y + a.height)) > 0.5) continue;
    const head = wordsOf(a.text!).at(-1);
    const tail = wordsOf(b.text!)[0];
    if (!head || !tail || !/\p{L}-$/u.test(head) || !/^\p{L}/u.test(tail)) continue;
    const whole = source.includes(letters(head + tail)) ? head + tail : head.slice(0, -1) + tail;
    out.push({
      head,
      tail,
      whole,
      page: a.page,
      line: wordsOf(a.text!)
        .slice(a === tailLine ? 1 : 0)
        .join(' '),
    });
    tailLine = b;
  }
  return out;
}

/**
 * What `text` (extracted from the PDF by some reader) does wrong with the broken words: a word split by white space
 * (with or without its hyphen), a whole word not at the end of its first part's line, or fewer whole copies of a
 * word than the layout set (counting the broken ones).
 */
export function notWhole(text: string, layout: LayoutResult, broken: readonly BrokenWord[]): string[] {
  const problems: string[] = [];
  const flat = ` ${wordsOf(text).join(' ')} `;
  for (const { head, tail, whole, page, line } of broken) {
    const split = new RegExp(`(^|\\s)(${escape(head)}|${escape(head.slice(0, -1))})\\s+${escape(tail)}(\\s|$)`, 'u').exec(text);
    if (split) problems.push(`page ${page}: "${head}" / "${tail}" extracts split: ${JSON.stringify(split[0].trim())}`);
    const inPlace = ` ${[...wordsOf(line).slice(0, -1), whole].join(' ')} `;
    if (!flat.includes(inPlace)) problems.push(`page ${page}: "${whole}" does not extract at the end of its line: ${JSON.stringify(inPlace.trim())}`);
  }
  const count = (tokens: readonly string[], word: string) => tokens.filter((t) => t === word).length;
  const extracted = wordsOf(text);
  const set = layout.boxes.flatMap((b) => (b.text !== undefined && b.kind !== 'row' ? wordsOf(b.text) : []));
  for (const whole of new Set(broken.map((w) => w.whole))) {
    const need = broken.filter((w) => w.whole === whole).length + count(set, whole);
    const have = count(extracted, whole);
    if (have < need) problems.push(`"${whole}" extracts whole ${have} times, set ${need} times`);
  }
  return problems;
}
