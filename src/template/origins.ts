// Where each line of the rendered Markdown came from: the template file and line that wrote it. Before a template is
// compiled, a mark naming its file and line goes in front of every statement of its tree (and of every line of its
// literal text); after rendering, the marks are taken out again and remembered per line of the Markdown. The
// Markdown the later stages read is the same text as without the marks.
import Handlebars from 'handlebars';
import type { Origin } from '../document.js';

// Noncharacters (U+FDD0–U+FDD2), which Unicode keeps for a program's own use: no text prints them.
const OPEN = '\uFDD0';
const SEP = '\uFDD1';
const CLOSE = '\uFDD2';
const MARK = /\uFDD0(\d+)\uFDD1(\d+)\uFDD1(\d+)\uFDD2/g;

const mark = (file: number, line: number, column: number): hbs.AST.ContentStatement =>
  ({ type: 'ContentStatement', value: `${OPEN}${file}${SEP}${line}${SEP}${column}${CLOSE}`, original: '', loc: undefined }) as unknown as hbs.AST.ContentStatement;

/** A statement with its mark in front; literal text split at its line ends, each line with its own mark. */
function marked(statement: hbs.AST.Statement, file: number): hbs.AST.Statement[] {
  // A node made by a program rather than parsed from a file has no location.
  const loc = statement.loc as hbs.AST.SourceLocation | undefined;
  if (!loc) return [statement];
  if (statement.type !== 'ContentStatement') return [mark(file, loc.start.line, loc.start.column + 1), statement];
  const content = statement as hbs.AST.ContentStatement;
  if (!content.value) return [statement];
  // Whitespace control may have taken text off the front of the original: the kept text starts that many lines on.
  const original = content.original as unknown as string;
  const skipped = original.indexOf(content.value);
  const before = skipped > 0 ? original.slice(0, skipped) : '';
  let line = loc.start.line + (before.match(/\n/g)?.length ?? 0);
  let column = before.includes('\n') ? before.length - before.lastIndexOf('\n') : loc.start.column + 1 + before.length;
  const out: hbs.AST.Statement[] = [];
  for (const piece of content.value.split(/(?<=\n)/)) {
    out.push(mark(file, line, column), { ...content, value: piece } as hbs.AST.ContentStatement);
    line += 1;
    column = 1;
  }
  return out;
}

/** Puts the marks of template file number `file` into its parsed tree, in every block's body too. */
export function markOrigins(ast: hbs.AST.Program, file: number): void {
  const visitor = new Handlebars.Visitor();
  const visitProgram = visitor.Program.bind(visitor);
  visitor.Program = (program: hbs.AST.Program) => {
    program.body = program.body.flatMap((s) => marked(s, file));
    visitProgram(program);
  };
  visitor.accept(ast);
}

export interface Unmarked {
  /** The rendered text without its marks. */
  text: string;
  /** The origin of each line of `text` (index 0 is line 1): where its first character was written. */
  lines: Origin[];
}

/** Takes the marks out of rendered text; `files` names the template files by their number. */
export function unmark(rendered: string, files: readonly string[], fallback: Origin): Unmarked {
  // Each mark, at its offset in the text without marks.
  const marks: { at: number; origin: Origin }[] = [];
  let text = '';
  let last = 0;
  for (const m of rendered.matchAll(MARK)) {
    text += rendered.slice(last, m.index);
    marks.push({ at: text.length, origin: { file: files[Number(m[1])] ?? fallback.file, line: Number(m[2]), column: Number(m[3]) } });
    last = m.index + m[0].length;
  }
  text += rendered.slice(last);
  // A line's origin is the last mark at or before its first character.
  const lines: Origin[] = [];
  let next = 0;
  let current = fallback;
  for (let start = 0; start >= 0;) {
    while (next < marks.length && marks[next]!.at <= start) current = marks[next++]!.origin;
    lines.push(current);
    const end = text.indexOf('\n', start);
    start = end < 0 ? -1 : end + 1;
  }
  return { text, lines };
}
