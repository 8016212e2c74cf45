// A long Markdown text parsed a stretch at a time: the same syntax tree as parsed whole, without its peak. micromark
// tokenizes the whole text into events before it builds the tree, so a text's events all live at once and are copied
// by every collection on the way: the ×100 review's 1.7 MB of Markdown took its build from 230 to 560–600 MB. Parsed
// in stretches between its top-level blocks, each stretch's events go as its blocks are built.
//
// A stretch ends before a line where no construct can carry over from the lines above it: the line before it is blank,
// it starts in the first column with a character that starts no list item, block quote or code, and no container
// directive is open. A blank line ends every paragraph and table; a line in the first column after it ends every list
// and block quote (it is not indented as their content, and only a paragraph's line can be lazy). What a blank line
// does not end is found line by line: a container directive, open from a valid fence (`:::name`) until the first line
// of as many colons or more, whatever it holds. A text with what reaches across blank lines or stretches in other
// ways is parsed whole: a code fence, an HTML block, a link reference definition (it serves the whole text), a
// container fence that is indented (it may belong to a list item), or line endings the lines here are not counted by
// (a lone carriage return) and a byte order mark (the parser drops it, so the offsets after it move). Stretches are of
// 16 KB at least: each parse has a cost of its own, which thousands of short stretches would pay.
import type { Root, RootContent } from 'mdast';

/** A stretch of the text: where it starts (0-based line and offset) and its text. */
export interface Stretch {
  text: string;
  line: number;
  offset: number;
}

/**
 * What makes a text be parsed whole: a code fence, an HTML block, a definition's `]:`, an indented container fence, a
 * lone carriage return, a byte order mark.
 */
const WHOLE = /^[ \t]*(?:`{3,}|~{3,})|^ {0,3}<|\]:|^[ \t]+:{3}|\r(?!\n)|^\uFEFF/m;

/**
 * A line a stretch can start with: a character in the first column, and no list item, block quote, code or fence of
 * colons alone.
 */
const STARTS_STRETCH = /^(?!:+[ \t]*$)[^-*+>\d`~\s]/;

/**
 * The least a stretch holds, in characters, but the last: each parse has a cost of its own, which thousands of short
 * stretches would pay, and a stretch of this size holds its events in a few megabytes.
 */
export const STRETCH_CHARS = 16 * 1024;

/** What may be a container directive's opening fence in the first column: three colons or more, then more than spaces. */
const OPENING = /^(:{3,})[^\s:]/;

/**
 * An opening fence certainly valid: a name of ASCII letters and digits (hyphens and underscores inside), then
 * attributes, if any, each `key="value"`, `#id` or `.class`, spaced. Other fences are left to the parser.
 */
export const CERTAINLY_OPENING =
  /^:{3,}[A-Za-z][A-Za-z0-9]*(?:[-_]+[A-Za-z0-9]+)*(?:\{[ \t]*(?:(?:[A-Za-z][\w.:-]*="[^"\r\n]*"|[#.][A-Za-z0-9][\w-]*)(?:[ \t]+(?:[A-Za-z][\w.:-]*="[^"\r\n]*"|[#.][A-Za-z0-9][\w-]*))*)?[ \t]*\})?[ \t]*$/;

/** A container directive's closing fence, in the first column (an indented one makes the text parsed whole). */
const CLOSING = /^(:{3,})[ \t]*$/;

/** A blank line, as Markdown has it: spaces and tabs only. */
const BLANK = /^[ \t]*$/;

/**
 * The stretches of `markdown` that parse, each on its own, into the top-level blocks the whole parses into, each of at
 * least `least` characters but the last; the whole text as one when it holds anything that reaches across blank lines
 * or stretches (see above).
 */
export function stretchesOf(markdown: string, parse: (markdown: string) => Root, least = STRETCH_CHARS): Stretch[] {
  if (WHOLE.test(markdown)) return [{ text: markdown, line: 0, offset: 0 }];
  const stretches: Stretch[] = [];
  let start = { line: 0, offset: 0 };
  let offset = 0;
  let previousBlank = false;
  // The colons of the open container directive's fence; 0 when none is open.
  let open = 0;
  // Each line as split, and as read: without the carriage return of a CR LF ending.
  const split = markdown.split('\n');
  const lines = split.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const opening = openingFences(
    lines.filter((line) => OPENING.test(line)),
    parse,
  );
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (open === 0 && previousBlank && i > 0 && offset - start.offset >= least && STARTS_STRETCH.test(line)) {
      stretches.push({ text: markdown.slice(start.offset, offset), ...start });
      start = { line: i, offset };
    }
    if (open > 0) {
      const closing = CLOSING.exec(line);
      if (closing && closing[1]!.length >= open) open = 0;
    } else if (opening.has(line)) {
      // Only a valid fence opens: one whose name, label or attributes are not is a paragraph's line.
      open = OPENING.exec(line)![1]!.length;
    }
    previousBlank = BLANK.test(line);
    offset += split[i]!.length + 1;
  }
  stretches.push({ text: markdown.slice(start.offset), ...start });
  return stretches;
}

/**
 * The lines that open a container directive, of `fences` (each three colons or more and more): those certainly valid
 * (`CERTAINLY_OPENING`), and those the parser reads so, each alone: all read in one parse, each after a blank line and
 * closed on the next.
 */
function openingFences(fences: readonly string[], parse: (markdown: string) => Root): Set<string> {
  const opening = new Set(fences.filter((line) => CERTAINLY_OPENING.test(line)));
  const distinct = [...new Set(fences.filter((line) => !opening.has(line)))];
  if (distinct.length === 0) return opening;
  const text = distinct.map((line) => `${line}\n${OPENING.exec(line)![1]}\n`).join('\n');
  // The fence of line k (counted from 0) is the text's line 3k + 1.
  for (const child of parse(text).children) if (child.type === 'containerDirective') opening.add(distinct[(child.position!.start.line - 1) / 3]!);
  return opening;
}

type Positioned = { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } } };

/** Moves a node parsed from a stretch, and all under it, to the stretch's place in the whole text. */
function moveBy(node: Positioned & { children?: Positioned[] }, lines: number, offset: number): void {
  if (node.position) {
    for (const point of [node.position.start, node.position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  if (node.children) for (const child of node.children) moveBy(child, lines, offset);
}

/** `markdown` parsed by `parse` stretch by stretch (`stretchesOf`): the tree `parse(markdown)` makes, positions included. */
export function parseInStretches(markdown: string, parse: (markdown: string) => Root, least = STRETCH_CHARS): Root {
  const stretches = stretchesOf(markdown, parse, least);
  if (stretches.length === 1) return parse(markdown);
  const children: RootContent[] = [];
  for (const stretch of stretches) {
    for (const child of parse(stretch.text).children) {
      moveBy(child, stretch.line, stretch.offset);
      children.push(child);
    }
  }
  // The whole text ends where its last stretch does.
  const last = stretches[stretches.length - 1]!;
  const lastLines = last.text.split('\n');
  const end = { line: last.line + lastLines.length, column: lastLines[lastLines.length - 1]!.length + 1, offset: markdown.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
