// Typographic punctuation in Markdown's syntax tree: retext-smartypants (curly quotes, "--" as an en dash, "---" as an
// em dash, "..." as an ellipsis, ``double backticks''), run over a block as remark-smartypants 3.0.3 runs it, less the
// runs that cannot change anything.
//
// As remark-smartypants does: the quotes are set over all the block's text as one string (a quote's side depends on
// the text beside it, across emphasis and links), in which a code span stands as as many letters and each paragraph,
// heading and table cell starts with a space (a quote at its start opens); then dashes, ellipses and backticks are set
// in each text on its own (they change its length). Unlike it, the quotes are not looked for in a block without a
// straight quote, nor the rest in a text that holds none of what they change (`PUNCTUATED`): retext's tree keeps every
// character, so such a text would come back as it went.
import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

/**
 * What typographic punctuation can change in a text (retext-smartypants 6): a straight quote, a backtick, two dashes or
 * an en dash and a hyphen, dots with nothing but white space between (parse-latin's white space: JavaScript's and
 * U+0085).
 */
export const PUNCTUATED = /["'`]|--|\u2013-|\.[\s\u0085]*\./;

/** A straight quote, all the quotes pass changes. */
const QUOTE = /["']/;

const OPTIONS = { dashes: 'oldschool' } as const;
/** Quotes alone, over a block's text. */
const quotes = retext()
  .use(retextSmartypants, { ...OPTIONS, ellipses: false, dashes: false, backticks: false })
  .freeze();
/** Dashes, ellipses and backticks, over each text. */
const marks = retext()
  .use(retextSmartypants, { ...OPTIONS, quotes: false })
  .freeze();

/** Nodes whose text starts afresh, with a space before it in the block's text. */
const STARTS_AFRESH = new Set(['paragraph', 'heading', 'tableCell']);

/** The text nodes under `node`, in order, with the block's text (code spans as letters) and where each text starts. */
function gather(node: Nodes, texts: { node: { value: string }; at: number }[], all: { text: string }): void {
  if (node.type === 'text') {
    texts.push({ node, at: all.text.length });
    all.text += node.value;
  } else if (node.type === 'inlineCode') all.text += 'A'.repeat(node.value.length);
  else if (STARTS_AFRESH.has(node.type)) all.text += ' ';
  if ('children' in node) for (const child of node.children) gather(child, texts, all);
}

/**
 * Typographic punctuation set in `tree` (a root of one block), in place. retext-smartypants 6.2.0 prints each node it
 * drops (an en dash and a hyphen, "–-", set as one em dash) with console.log: to the standard output, where
 * `build -o -` writes the PDF. It runs synchronously, so nothing else is silenced meanwhile.
 */
export function smarten(tree: Root): void {
  const texts: { node: { value: string }; at: number }[] = [];
  const all = { text: '' };
  for (const child of tree.children) gather(child, texts, all);
  const log = console.log;
  console.log = () => undefined;
  try {
    const quoted = QUOTE.test(all.text) ? quotes.processSync(all.text).toString() : all.text;
    for (const { node, at } of texts) {
      const text = quoted.slice(at, at + node.value.length);
      node.value = PUNCTUATED.test(text) ? marks.processSync(text).toString() : text;
    }
  } finally {
    console.log = log;
  }
}
