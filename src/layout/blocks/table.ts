// Tables: column widths from content, rows that move to the next page whole (one taller than a page splits), the
// header repeated on each page with a "(continued)" line, numeric columns right-aligned, striped rows.
import { plainText, type Align, type Span, type Table } from '../../document.js';
import { measureText } from '../../fonts/index.js';
import { advance, ensure, newPage, recordCitations, space, type LayoutContext } from '../context.js';
import { placeBox, placeTextBoxes } from '../boxes.js';
import { frameRule } from './simple.js';
import { artifact, group, marked, reserve, textTags, within } from '../tags.js';
import { isFigureText } from '../../units/index.js';
import { drawText, lineText, measureSpans, textHeight, type Alignment, type MeasuredText, type TextStyle } from '../text.js';

interface Styles {
  body: TextStyle;
  header: TextStyle;
  /** Number columns: the body style with the theme's figure features (tabular figures line up digit under digit). */
  numbers: TextStyle;
  pad: number;
}

function styles(ctx: LayoutContext): Styles {
  const t = ctx.theme.table;
  const body: TextStyle = { ...ctx.body, family: t.font, size: t.size, leading: t.leading };
  return { body, header: { ...body, bold: true, color: t.headerColor, linkColor: t.headerColor }, numbers: { ...body, features: t.numberFeatures }, pad: t.padding };
}

/** Natural (one-line) and minimum (longest word) widths of a cell. */
function cellWidths(cell: readonly Span[], style: TextStyle, ctx: LayoutContext): { natural: number; min: number } {
  const font = ctx.fonts.get(style.family, style.bold, style.italic).font;
  const text = plainText(cell);
  const words = text.split(/\s+/).filter(Boolean);
  return {
    natural: measureText(font, text.replace(/\s+/g, ' ').trim(), style.size, style.features),
    min: Math.max(0, ...words.map((w) => measureText(font, w, style.size, style.features))),
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Shares the width between columns by their content's widths: natural (one line) and minimum (the longest word).
 * A column whose natural width is no more than an equal share of the room left gets all of it, so short names
 * stay on one line; the wider columns share the rest in proportion to their natural widths, never below their
 * longest word.
 */
export function columnWidths(natural: readonly number[], min: readonly number[], total: number): number[] {
  const sumNat = sum(natural);
  const sumMin = sum(min);
  if (sumNat <= total) return natural.map((n) => n + ((total - sumNat) * n) / (sumNat || 1));
  if (sumMin >= total) return min.map((m) => (m * total) / (sumMin || 1));
  const widths = natural.map(() => 0);
  let free = natural.map((_, i) => i);
  let room = total;
  const fix = (columns: number[], width: (i: number) => number) => {
    for (const i of columns) room -= widths[i] = width(i);
    free = free.filter((i) => !columns.includes(i));
  };
  while (free.length) {
    const share = room / free.length;
    const small = free.filter((i) => natural[i]! <= share);
    if (small.length) {
      fix(small, (i) => natural[i]!);
      continue;
    }
    const sumFree = sum(free.map((i) => natural[i]!));
    const narrow = free.filter((i) => (room * natural[i]!) / sumFree < min[i]!);
    if (narrow.length) fix(narrow, (i) => min[i]!);
    else fix(free, (i) => (room * natural[i]!) / sumFree);
  }
  // Room left when every column got what it asked for goes to those held below their natural width.
  const short = widths.map((w, i) => Math.max(0, natural[i]! - w));
  const sumShort = sum(short);
  return room > 1e-9 && sumShort > 0 ? widths.map((w, i) => w + (room * short[i]!) / sumShort) : widths;
}

function alignments(t: Table): Alignment[] {
  const columns = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => {
    const declared: Align | undefined = t.align[c];
    if (declared) return declared;
    const cells = t.rows.map((r) => plainText(r[c] ?? [])).filter((s) => s.trim());
    return cells.length > 0 && cells.every(isFigureText) ? 'right' : 'left';
  });
}

interface MeasuredRow {
  cells: MeasuredText[];
  height: number;
}

function measureRow(row: readonly Span[][], widths: readonly number[], styleOf: (column: number) => TextStyle, pad: number, ctx: LayoutContext): MeasuredRow {
  const cells = widths.map((w, c) => measureSpans(row[c] ?? [], styleOf(c), Math.max(1, w - 2 * pad), ctx.fonts));
  return { cells, height: Math.max(...cells.map((m) => textHeight(m))) + 2 * pad };
}

function layoutTable(t: Table, ctx: LayoutContext) {
  const s = styles(ctx);
  const align = alignments(t);
  const columns = align.length;
  const all = [t.header, ...t.rows];
  const bodyStyle = (c: number) => (align[c] === 'right' ? s.numbers : s.body);
  const styleAt = (row: number, c: number) => (row === 0 ? s.header : bodyStyle(c));
  const natural = Array.from({ length: columns }, (_, c) => Math.max(...all.map((r, i) => cellWidths(r[c] ?? [], styleAt(i, c), ctx).natural)) + 2 * s.pad + 0.5);
  const min = Array.from({ length: columns }, (_, c) => Math.max(...all.map((r, i) => cellWidths(r[c] ?? [], styleAt(i, c), ctx).min)) + 2 * s.pad + 0.5);
  const widths = columnWidths(natural, min, ctx.frame.width);
  const header = measureRow(t.header, widths, () => s.header, s.pad, ctx);
  const rows = t.rows.map((r) => measureRow(r, widths, bodyStyle, s.pad, ctx));
  return { s, align, widths, header, rows };
}

/**
 * The part of a row that fits in `room`, and the rest: each cell's lines split at the same height, with at least
 * two lines on each side where a cell breaks. Undefined when not even that fits.
 */
function splitRow(row: MeasuredRow, room: number, pad: number): [MeasuredRow, MeasuredRow] | undefined {
  const takes = row.cells.map((m) => {
    const n = m.lines.length;
    let take = Math.min(n, Math.floor((room - 2 * pad + 0.01) / m.lineHeight));
    if (take < n) take = Math.min(take, n - 2);
    return Math.max(0, take);
  });
  if (!row.cells.some((m, c) => takes[c]! >= 2 && takes[c]! < m.lines.length)) return undefined;
  const part = (from: (c: number) => number, to: (c: number) => number): MeasuredRow => {
    const cells = row.cells.map((m, c) => ({ ...m, lines: m.lines.slice(from(c), to(c)) }));
    return { cells, height: Math.max(...cells.map((m) => textHeight(m))) + 2 * pad };
  };
  return [
    part(
      () => 0,
      (c) => takes[c]!,
    ),
    part(
      (c) => takes[c]!,
      (c) => row.cells[c]!.lines.length,
    ),
  ];
}

/**
 * Draws a row: `TH` (scope Column) or `TD` cells of a `TR` in the structure, a body row's label cell a `TH` with
 * scope Row; or, for a header repeated on a later page, an artifact (a reader meets the header once). A row that
 * does not fit below the cursor is split, `breakPage` called between its parts: its cells stay one element each.
 */
function drawRow(ctx: LayoutContext, row: MeasuredRow, widths: readonly number[], align: readonly Alignment[], pad: number, cell: 'TH' | 'TD' | 'repeat', fill?: string, breakPage?: () => void): void {
  const { doc } = ctx;
  const tr = cell === 'repeat' ? undefined : reserve(ctx, 'TR');
  // A body row's first cell names the row when the first column holds labels (it is not a number column).
  const rowHeader = (c: number) => cell === 'TD' && c === 0 && align.length > 1 && align[0] !== 'right';
  const elements =
    tr &&
    row.cells.map((_, c) => {
      const type = cell === 'TH' || rowHeader(c) ? 'TH' : 'TD';
      return { type, element: within(ctx, tr, () => reserve(ctx, type, type === 'TH' ? { scope: cell === 'TH' ? 'Column' : 'Row' } : {})) };
    });
  for (let rest: MeasuredRow | undefined = row, first = true; rest; first = false) {
    if (!first) breakPage?.();
    const split: [MeasuredRow, MeasuredRow | undefined] = ctx.y + rest.height > ctx.bottom + 0.01 && breakPage ? (splitRow(rest, ctx.bottom - ctx.y, pad) ?? [rest, undefined]) : [rest, undefined];
    const [part, after] = split;
    rest = after;
    const top = ctx.y;
    if (fill) artifact(ctx, () => doc.save().rect(ctx.frame.x, top, ctx.frame.width, part.height).fill(fill).restore());
    const cells = () => {
      let x = ctx.frame.x;
      part.cells.forEach((m, c) => {
        const left = x;
        const draw = () => drawText(doc, m, left + pad, top + pad, align[c] ?? 'left', 0, m.lines.length, tr ? textTags(ctx) : undefined);
        const e = elements?.[c];
        if (tr && e)
          recordCitations(
            ctx,
            within(ctx, e.element, () => marked(ctx, e.type, draw)),
          );
        else draw();
        x += widths[c]!;
      });
    };
    if (tr) within(ctx, tr, cells);
    else artifact(ctx, cells);
    placeBox(ctx, 'row', ctx.frame.x, top, ctx.frame.width, part.height, { text: part.cells[0]?.lines.map(lineText).join(' ') ?? '' });
    advance(ctx, part.height);
  }
  elements?.forEach((e) => e.element.end());
  tr?.end();
}

const measureContinued = (ctx: LayoutContext, s: Styles) =>
  measureSpans([{ text: ctx.theme.labels.continued ?? '', italic: true }], { ...s.body, color: ctx.theme.colors.muted }, ctx.frame.width, ctx.fonts);
const continuedHeight = (ctx: LayoutContext, s: Styles) => textHeight(measureContinued(ctx, s));

function continuedLine(ctx: LayoutContext, s: Styles): void {
  const m = measureContinued(ctx, s);
  artifact(ctx, () => void drawText(ctx.doc, m, ctx.frame.x, ctx.y, 'right'));
  placeTextBoxes(ctx, 'line', m, ctx.frame.x, ctx.y);
  advance(ctx, textHeight(m));
}

/** The height a row needs to start on a page: all of it, or the first two lines of a row that will split. */
const startHeight = (row: MeasuredRow | undefined, pad: number) => (row ? Math.min(row.height, Math.max(...row.cells.map((m) => Math.min(2, m.lines.length) * m.lineHeight)) + 2 * pad) : 0);

export const table = {
  minStart(t: Table, ctx: LayoutContext) {
    const { s, header, rows } = layoutTable(t, ctx);
    return header.height + startHeight(rows[0], s.pad);
  },
  place(t: Table, ctx: LayoutContext) {
    const { s, align, widths, header, rows } = layoutTable(t, ctx);
    const theme = ctx.theme.table;
    ensure(ctx, header.height + startHeight(rows[0], s.pad));
    const continued = () => {
      newPage(ctx);
      ctx.continuedTables.push(ctx.page);
      continuedLine(ctx, s);
      drawRow(ctx, header, widths, align, s.pad, 'repeat', theme.headerBackground);
    };
    group(ctx, 'Table', () => {
      drawRow(ctx, header, widths, align, s.pad, 'TH', theme.headerBackground);
      rows.forEach((row, i) => {
        // A row moves to the next page whole; one taller than a page starts here and splits, if its first lines fit.
        const pageRoom = ctx.bottom - ctx.top - continuedHeight(ctx, s) - header.height;
        const needs = row.height > pageRoom ? startHeight(row, s.pad) : row.height;
        if (ctx.y + needs > ctx.bottom + 0.01 && !ctx.atTop) continued();
        drawRow(ctx, row, widths, align, s.pad, 'TD', i % 2 === 1 ? theme.stripe : undefined, continued);
        frameRule(ctx, 0.4, theme.rule);
      });
    });
    space(ctx, ctx.theme.text.paragraphSpacing + 4);
  },
};
