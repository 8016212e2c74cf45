// Text: spans measured into words and lines (measure), then drawn at a given place (place). Line breaking is ours,
// so that justified text spaces words evenly across bold, italic and link runs.
import type { Span } from '../document.js';
import LineBreaker from 'linebreak';
import { measureText } from '../fonts/index.js';
import { drawExtractingAs } from './extracted.js';
import { writeRun } from './run-text.js';
import type { FontBook, FontRef } from './fonts.js';

export interface TextStyle {
  family: string;
  /** Family used for `code` spans. */
  codeFamily: string;
  size: number;
  leading: number;
  color: string;
  linkColor: string;
  bold?: boolean;
  italic?: boolean;
  /** OpenType features, such as `tnum` for tabular figures in number columns. */
  features?: readonly string[];
  /** Splits a word at its hyphenation points; body text only. */
  hyphenate?: (word: string) => string[];
}

interface Piece {
  text: string;
  font: FontRef;
  size: number;
  color: string;
  span: Span;
  width: number;
  features: readonly string[];
  /**
   * Set on the two parts of a word hyphenated at a line end: the whole word on the first part, nothing on the
   * second, so that text extraction gives the word once and whole instead of "interna- tional".
   */
  actual?: string;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space set after this word, in the style of its last piece; 0 after a hyphen, dash or slash the line may break at. */
  space: number;
  /** A hard line break follows this word. */
  breakAfter: boolean;
}

export interface Line {
  words: Word[];
  /** Width with single spaces. */
  natural: number;
  /** Ends the paragraph or a hard break: never justified. */
  last: boolean;
}

export interface MeasuredText {
  lines: Line[];
  lineHeight: number;
  width: number;
  size: number;
}

export type Alignment = 'left' | 'right' | 'center' | 'justify';

const NO_FEATURES: readonly string[] = Object.freeze([]);

function pieceOf(text: string, span: Span, style: TextStyle, fonts: FontBook): Piece {
  const font = fonts.get(span.code ? style.codeFamily : style.family, span.bold ?? style.bold, span.italic ?? style.italic);
  const color = span.link || span.goTo ? style.linkColor : style.color;
  const features = style.features ?? NO_FEATURES;
  fonts.check(font, text);
  return { text, font, size: style.size, color, span, features, width: measureText(font.font, text, style.size, features) };
}

/**
 * White space a line may break at, as the line breaking algorithm gives it: every kind but the no-break spaces
 * (U+00A0, the figure space U+2007 and the narrow no-break space U+202F), which keep "10 000" and "27,62 tỷ"
 * together and which UAX #14 never breaks at.
 */
const BREAKABLE_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+$/;
const HARD_BREAK = /[\n\v\f\r\u2028\u2029]/;
/** A dash or slash between two digits ("1–3", "2024/25"): a range or a date, never broken. */
const BETWEEN_DIGITS = /\d[\u2013\u2014/]$/;
/** A hyphen after a number ("7.7-magnitude", "6-million"): the number stays with the word it qualifies. */
const NUMBER_COMPOUND = /\d[-\u2010\u2011]$/;

/**
 * The text's break opportunities by the Unicode line breaking algorithm (UAX #14): after spaces, and after
 * hyphens, dashes and slashes that join words; each segment up to one, with its trailing white space.
 */
function segments(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    const before = text.slice(start, b.position);
    if (b.position < text.length && (NUMBER_COMPOUND.test(before) || (BETWEEN_DIGITS.test(before) && /\d/.test(text[b.position]!)))) continue;
    out.push({ start, end: b.position });
    start = b.position;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function words(spans: readonly Span[], style: TextStyle, fonts: FontBook): Word[] {
  const text = spans.map((s) => s.text).join('');
  const starts: number[] = [];
  spans.reduce((at, s) => (starts.push(at), at + s.text.length), 0);
  const out: Word[] = [];
  // The segments come in order: the spans before the first one that reaches the segment are done with.
  let first = 0;
  for (const { start, end } of segments(text)) {
    const trailing = BREAKABLE_SPACE.exec(text.slice(start, end))?.[0] ?? '';
    const contentEnd = end - trailing.length;
    const pieces: Piece[] = [];
    while (first < spans.length && starts[first]! + spans[first]!.text.length <= start) first++;
    for (let i = first; i < spans.length && starts[i]! < contentEnd; i++) {
      const from = Math.max(start, starts[i]!);
      const to = Math.min(contentEnd, starts[i]! + spans[i]!.text.length);
      if (to > from) pieces.push(pieceOf(text.slice(from, to), spans[i]!, style, fonts));
    }
    const breakAfter = HARD_BREAK.test(trailing);
    const last = pieces[pieces.length - 1];
    if (last) {
      // Broken after a hyphen, dash or slash, the word joins the next with no space.
      const space = trailing ? measureText(last.font.font, ' ', last.size, last.features) : 0;
      out.push({ pieces, width: pieces.reduce((w, p) => w + p.width, 0), space, breakAfter });
    } else if (breakAfter && out.length) {
      out[out.length - 1]!.breakAfter = true;
    } else if (trailing && out.length && out[out.length - 1]!.space === 0) {
      // White space alone after a word that ended without any: the space is that word's.
      const prev = out[out.length - 1]!;
      const p = prev.pieces[prev.pieces.length - 1]!;
      prev.space = measureText(p.font.font, ' ', p.size, p.features);
    }
  }
  return out;
}

/** Lower-case words of plain letters, with trailing punctuation: proper names, figures and codes are never split. */
const HYPHENATABLE = /^([a-z]{6,})([,.;:!?)\u2019'"\u201D]*)$/;
/** At most this many lines in a row end with a hyphen. */
const MAX_HYPHENS_IN_A_ROW = 2;

/**
 * The word's longest head (ending in a hyphen) that fits in `room`, and the rest. Only when spaces on the line
 * would otherwise stretch noticeably: a nearly full line is left alone.
 */
function splitToFit(word: Word, room: number, style: TextStyle, fonts: FontBook): { head: Word; tail: Word } | undefined {
  const piece = word.pieces.length === 1 ? word.pieces[0] : undefined;
  const match = piece && style.hyphenate ? HYPHENATABLE.exec(piece.text) : null;
  if (!piece || !match || !style.hyphenate || piece.span.verbatim) return undefined;
  const [, letters, trailing] = match as unknown as [string, string, string];
  const parts = style.hyphenate(letters);
  for (let k = parts.length - 1; k >= 1; k--) {
    const headText = `${parts.slice(0, k).join('')}-`;
    const tailText = parts.slice(k).join('') + trailing;
    if (headText.length < 3 || tailText.length < 3) continue;
    const head = { ...pieceOf(headText, piece.span, style, fonts), actual: piece.text };
    if (head.width > room) continue;
    const tail = { ...pieceOf(tailText, piece.span, style, fonts), actual: '' };
    return { head: { pieces: [head], width: head.width, space: word.space, breakAfter: false }, tail: { pieces: [tail], width: tail.width, space: word.space, breakAfter: word.breakAfter } };
  }
  return undefined;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A word wider than the whole line (a long URL, an identifier, a string of digits) broken between any two
 * characters, so that no line runs off the page: each chunk but the last fills a line.
 */
function breakAnywhere(word: Word, width: number, style: TextStyle, fonts: FontBook): Word[] {
  const chunks: Word[] = [];
  let pieces: Piece[] = [];
  let used = 0;
  const close = (breakAfter: boolean) => {
    if (pieces.length) chunks.push({ pieces, width: used, space: word.space, breakAfter });
    pieces = [];
    used = 0;
  };
  for (const piece of word.pieces) {
    let text = '';
    let textWidth = 0;
    const flush = () => {
      if (!text) return;
      const part = pieceOf(text, piece.span, style, fonts);
      pieces.push(part);
      used += part.width;
      text = '';
      textWidth = 0;
    };
    for (const { segment } of graphemes.segment(piece.text)) {
      const w = measureText(piece.font.font, segment, piece.size, piece.features);
      if (used + textWidth + w > width && (pieces.length || text)) {
        flush();
        close(false);
      }
      text += segment;
      textWidth += w;
    }
    flush();
  }
  close(word.breakAfter);
  return chunks;
}

/**
 * A line broken after a hyphen, dash or slash of the text ("UNESCO-" / "recognised", "year-on-" / "year."): the
 * pieces either side of the break extract as the one word they are, as a hyphenated word's parts do, rather than as
 * two (or, in readers that take a hyphen at a line end for a soft one, as "UNESCOrecognised"). The word goes on, on
 * the next line, up to its first space: the first part carries all of it.
 */
function joinAcrossBreak(head: Line, next: Line | undefined): void {
  const word = head.words[head.words.length - 1];
  const a = word?.pieces[word.pieces.length - 1];
  const rest: Word[] = [];
  for (const w of next?.words ?? []) {
    rest.push(w);
    if (w.space > 0) break;
  }
  const pieces = rest.flatMap((w) => w.pieces);
  if (!word || !a || !pieces.length || a.actual !== undefined || pieces.some((p) => p.actual !== undefined)) return;
  word.pieces[word.pieces.length - 1] = { ...a, actual: a.text + pieces.map((p) => p.text).join('') };
  for (const w of rest) w.pieces = w.pieces.map((p) => ({ ...p, actual: '' }));
}

/** Greedy line filling, with hyphenation where the style allows it: measured once, placed later wherever the page has room. */
export function measureSpans(spans: readonly Span[], style: TextStyle, width: number, fonts: FontBook): MeasuredText {
  const lines: Line[] = [];
  let line: Word[] = [];
  let natural = 0;
  let hyphensInARow = 0;
  /** Lines that end inside a word, after a hyphen, dash or slash of the text. */
  const inWord: number[] = [];
  const push = (last: boolean) => {
    if (line.length) lines.push({ words: line, natural, last });
    line = [];
    natural = 0;
  };
  const append = (word: Word) => {
    natural = line.length ? natural + line[line.length - 1]!.space + word.width : word.width;
    line.push(word);
  };
  for (let word of words(spans, style, fonts)) {
    const prev = line[line.length - 1];
    const next = prev ? natural + prev.space + word.width : word.width;
    if (prev && next > width) {
      const room = width - natural - prev.space;
      const stretch = (width - natural) / Math.max(1, line.length - 1);
      const split = hyphensInARow < MAX_HYPHENS_IN_A_ROW && stretch > 0.35 * prev.space ? splitToFit(word, room, style, fonts) : undefined;
      if (split) {
        append(split.head);
        word = split.tail;
      } else if (prev.space === 0) inWord.push(lines.length);
      // A line ending at a hyphen of the text counts with those the layout hyphenates.
      hyphensInARow = split || prev.space === 0 ? hyphensInARow + 1 : 0;
      push(false);
    }
    if (!line.length && word.width > width) {
      const chunks = breakAnywhere(word, width, style, fonts);
      word = chunks.pop() ?? word;
      for (const chunk of chunks) {
        append(chunk);
        push(false);
      }
    }
    append(word);
    if (word.breakAfter) {
      push(true);
      hyphensInARow = 0;
    }
  }
  push(true);
  for (const i of inWord) joinAcrossBreak(lines[i]!, lines[i + 1]);
  avoidRunt(lines, width);
  return { lines, lineHeight: style.size * style.leading, width, size: style.size };
}

/**
 * A paragraph's last line holding a single word (a runt: "for." alone) takes the last word of the line above,
 * when that line's spaces then stretch to no more than twice their width. A hyphenated word's first part stays.
 */
function avoidRunt(lines: Line[], width: number): void {
  const last = lines[lines.length - 1];
  const prev = lines[lines.length - 2];
  if (!last || !prev || prev.last || last.words.length !== 1 || prev.words.length < 3) return;
  const moved = prev.words[prev.words.length - 1]!;
  const before = prev.words[prev.words.length - 2]!;
  if (moved.space === 0 || before.space === 0 || moved.pieces.some((p) => p.actual !== undefined)) return;
  const natural = prev.natural - before.space - moved.width;
  const gaps = prev.words.slice(0, -2).filter((w) => w.space > 0);
  if (!gaps.length || (width - natural) / gaps.length > 2 * before.space) return;
  prev.words.pop();
  prev.natural = natural;
  last.words.unshift(moved);
  last.natural += moved.space + moved.width;
}

/** A line's text as set: its words, a single space after each that has one. */
export function lineText(line: Line): string {
  return line.words.map((w, i) => w.pieces.map((p) => p.text).join('') + (w.space > 0 && i < line.words.length - 1 ? ' ' : '')).join('');
}

export function textHeight(m: MeasuredText, from = 0, to = m.lines.length): number {
  return Math.max(0, to - from) * m.lineHeight;
}

/** Pieces of a line grouped into runs of one style, each drawn with one call. */
interface Run {
  text: string;
  x: number;
  piece: Piece;
  width: number;
}

function runsOf(line: Line, x0: number, extra: number): Run[] {
  const runs: Run[] = [];
  let x = x0;
  line.words.forEach((word, wi) => {
    word.pieces.forEach((piece, pi) => {
      const prev = runs[runs.length - 1];
      const joinsPrev =
        prev &&
        prev.piece.actual === undefined &&
        piece.actual === undefined &&
        prev.piece.font === piece.font &&
        prev.piece.color === piece.color &&
        prev.piece.span.link === piece.span.link &&
        prev.piece.span.goTo === piece.span.goTo &&
        prev.piece.features === piece.features;
      const afterSpace = pi === 0 && wi > 0 && line.words[wi - 1]!.space > 0;
      if (joinsPrev) {
        prev.text += (afterSpace ? ' ' : '') + piece.text;
        prev.width = x + piece.width - prev.x;
      } else {
        runs.push({ text: piece.text, x, piece, width: piece.width });
      }
      x += piece.width;
    });
    x += word.space + (word.space > 0 ? extra : 0);
  });
  return runs;
}

/** The step of pdfkit's `text` that sets one line's text, and where `text` leaves the document's position. */
interface SettingText {
  _fragment(text: string, x: number, y: number, options: object): void;
  x: number;
  y: number;
}

/**
 * One run of text on one line, set with the operators `doc.text(text, x, y, { lineBreak: false, ...options })` writes
 * (tests/layout/text-runs.test.ts): by `writeRun` (run-text.ts) for a run in a font of the store, else through the step
 * of pdfkit's `text` that writes them. Either way without pdfkit's measuring the run twice more, for the width of a
 * link or underline (given here, and the run has neither) and for the position after, which is left at the run's end
 * by its width here (nothing in the layout reads it).
 */
export function setRun(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, options: { features?: PDFKit.Mixins.OpenTypeFeatures[]; wordSpacing?: number }): void {
  const setting = doc as unknown as SettingText;
  if (!writeRun(doc, text, x, y, options)) {
    setting.x = x;
    setting.y = y;
    // `text` makes runs of white space one where the spaces are widened: the step splits such a run into words anyway.
    setting._fragment(text, x, y, { ...options, textWidth: width, wordCount: 0 });
  }
  setting.x = x + width;
}

export interface DrawnSpan {
  span: Span;
  x: number;
  y: number;
}

/** What text drawing leaves to the structure: each callback draws through `draw`, inside the element it makes. */
export interface TextTags {
  /** Text that extracts as `actual` (the parts of a hyphenated word). */
  actualText(actual: string, draw: () => void): void;
  /** Text that is a link to `target`; `draw` returns the box it covers, for the annotation described by `description`. */
  link(target: { uri?: string; dest?: string }, description: string, draw: () => { x: number; y: number; width: number; height: number }): void;
}

/**
 * Draws lines [from, to) with the top of the first line at y. Returns where each citation was drawn,
 * so that the sources appendix can list the pages citing each source. `tags` puts links and the parts of
 * hyphenated words in the structure; text drawn in tagged content must be drawn with it.
 */
export function drawText(doc: PDFKit.PDFDocument, m: MeasuredText, x: number, y: number, align: Alignment, from = 0, to = m.lines.length, tags?: TextTags): DrawnSpan[] {
  const drawn: DrawnSpan[] = [];
  for (let i = from; i < to; i++) {
    const line = m.lines[i]!;
    // Justification widens the spaces between words only, never the join after a hyphen, dash or slash.
    const gaps = line.words.slice(0, -1).filter((w) => w.space > 0).length;
    const slack = m.width - line.natural;
    const extra = align === 'justify' && !line.last && gaps > 0 && slack > 0 ? slack / gaps : 0;
    const shift = align === 'right' ? slack : align === 'center' ? slack / 2 : 0;
    const top = y + (i - from) * m.lineHeight;
    for (const run of runsOf(line, x + shift, extra)) {
      const { font, size, color, span, features } = run.piece;
      const f = font.font;
      // Centre the font's ascent–descent box in the line box.
      const box = ((f.ascent - f.descent) / f.unitsPerEm) * size;
      const ty = top + (m.lineHeight - box) / 2;
      // Without tags, pdfkit makes the link annotation itself.
      const untaggedLink = tags ? {} : { ...(span.link ? { link: span.link } : {}), ...(span.goTo ? { goTo: span.goTo } : {}) };
      const options = {
        ...(features.length ? { features: [...features] as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
        ...(extra > 0 && run.text.includes(' ') ? { wordSpacing: extra } : {}),
      };
      const draw = () => {
        doc.font(font.name).fontSize(size).fillColor(color);
        if (span.link || span.goTo || run.text.includes('\n')) doc.text(run.text, run.x, ty, { lineBreak: false, ...options, ...untaggedLink });
        else setRun(doc, run.text, run.x, ty, run.width, options);
      };
      // A word broken at a line end extracts whole and once, from the glyphs of its parts as from their ActualText.
      const actual = run.piece.actual;
      const drawPart = actual !== undefined ? () => drawExtractingAs(doc, actual, draw) : draw;
      const drawWord = actual !== undefined && tags ? () => tags.actualText(actual, drawPart) : drawPart;
      if (tags && (span.link || span.goTo)) {
        const description = span.link && span.link !== run.text ? `${run.text} (${span.link})` : run.text;
        tags.link({ ...(span.link ? { uri: span.link } : {}), ...(span.goTo ? { dest: span.goTo } : {}) }, description, () => {
          drawWord();
          return { x: run.x, y: ty, width: run.width, height: size * ((font.font.ascent - font.font.descent) / font.font.unitsPerEm) };
        });
      } else drawWord();
      if (span.citation) drawn.push({ span, x: run.x, y: top });
    }
  }
  return drawn;
}
