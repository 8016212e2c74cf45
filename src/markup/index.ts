// The markup stage: Markdown with directives (the rendered template) → the Document's blocks.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Root } from 'mdast';
import type { Block, Origin } from '../document.js';
import { error, type Diagnostic } from '../errors.js';
import type { Citation } from '../review.js';
import { rootToBlocks, type BlockContext } from './blocks.js';
import { parseInStretches } from './chunks.js';
import { keptTree, type MarkupCache } from './kept.js';
import { smarten } from './punctuation.js';

export type { MarkupCache } from './kept.js';
export { PUNCTUATED, smarten } from './punctuation.js';

/** "Việt Nam & the world" → "viet-nam-the-world" */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0111/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** Markdown's syntax tree, as micromark parses it with the directive and table extensions. */
export const parseWhole = (markdown: string): Root => fromMarkdown(markdown, SYNTAX);

/** The extensions, made once: each parse combines them afresh and changes none. */
const SYNTAX = { extensions: [gfmTable(), directive()], mdastExtensions: [gfmTableFromMarkdown(), directiveFromMarkdown()] };

/** Markdown's syntax tree, with typographic punctuation. Parsed a stretch at a time (chunks.ts): the same tree. */
function parseTree(markdown: string): Root {
  const root = parseInStretches(markdown.normalize('NFC'), parseWhole);
  // Block by block: over the whole document as one text, the plugin's work grows with the square of its length. What
  // it cannot change, it is not given (`smarten`): most of a review's blocks.
  for (const child of root.children) smarten({ type: 'root', children: [child] });
  return root;
}

export interface Markup {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/** What a problem of the Markdown is, unless its handler says better. */
const MARKUP_ERROR = { code: 'markup/invalid' };

/**
 * Parses Markdown into blocks. `source` says where the Markdown came from: a file name, or the origin of each of its
 * lines (the template file and line that wrote it), which messages and every block's `origin` then give.
 * Citations are resolved here, so every [n] in the Document already knows the source it links to. With `cache`, the
 * syntax tree is kept there between runs (kept.ts).
 */
export function parseMarkup(markdown: string, cite: (id: string) => Citation | undefined, source: string | readonly Origin[], cache?: MarkupCache): Markup {
  const locate = (line: number | undefined): Origin | { file: string } => {
    if (typeof source === 'string') return line === undefined ? { file: source } : { file: source, line };
    return source[(line ?? 1) - 1] ?? source[source.length - 1] ?? { file: '' };
  };
  const root = keptTree(markdown, parseTree, cache);
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, number>();
  const ctx: BlockContext = {
    cite,
    problem: (message, line, code = MARKUP_ERROR.code, hint) => diagnostics.push(error(code, message, locate(line), hint)),
    origin: (line) => {
      const at = locate(line);
      return 'line' in at ? at : undefined;
    },
    headingId: (text) => {
      const base = slug(text);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return n === 1 ? base : `${base}-${n}`;
    },
  };
  return { blocks: rootToBlocks(root, ctx), diagnostics };
}
