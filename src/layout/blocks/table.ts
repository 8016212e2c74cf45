// Tables: column widths from content, rows that never split across pages, the header repeated on each page
// with a "(continued)" line, numeric columns right-aligned, striped rows.
import { plainText, type Align, type Span, type Table } from '../../document.js';
import { measureText } from '../../fonts/index.js';
import { advance, ensure, newPage, recordCitations, space, type LayoutContext } from '../context.js';
import { artifact, group, leaf, textTags } from '../tags.js';
import { isFigureText } from '../../units/index.js';
import { drawText, measureSpans, textHeight, type Alignment, type MeasuredText, type TextStyle } from '../text.js';


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

/** Shares the width between columns: each gets at least its longest word, the rest in proportion to need. */
export function columnWidths(natural: readonly number[], min: readonly number[], total: number): number[] {
  const sumNat = natural.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumNat <= total) return natural.map((n) => n + ((total - sumNat) * n) / (sumNat || 1));
  if (sumMin >= total) return min.map((m) => (m * total) / (sumMin || 1));
  const want = natural.map((n, i) => n - min[i]!);
  const sumWant = want.reduce((a, b) => a + b, 0) || 1;
  return min.map((m, i) => m + ((total - sumMin) * want[i]!) / sumWant);
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
 * Draws a row: `TH` (scope Column) or `TD` cells of a `TR` in the structure, a body row's label cell a `TH` with
 * scope Row; or, for a header repeated on a later page, an artifact (a reader meets the header once).
 */
function drawRow(ctx: LayoutContext, row: MeasuredRow, widths: readonly number[], align: readonly Alignment[], pad: number, cell: 'TH' | 'TD' | 'repeat', fill?: string): void {
  const { doc } = ctx;
  const top = ctx.y;
  if (fill) artifact(ctx, () => doc.save().rect(ctx.frame.x, top, ctx.frame.width, row.height).fill(fill).restore());
  const cells = () => {
    let x = ctx.frame.x;
    row.cells.forEach((m, c) => {
      const draw = () => drawText(doc, m, x + pad, top + pad, align[c] ?? 'left', 0, m.lines.length, cell === 'repeat' ? undefined : textTags(ctx));
      // A body row's first cell names the row when the first column holds labels (it is not a number column).
      const rowHeader = cell === 'TD' && c === 0 && align.length > 1 && align[0] !== 'right';
      if (cell === 'repeat') draw();
      else if (cell === 'TH' || rowHeader) recordCitations(ctx, leaf(ctx, 'TH', draw, { scope: cell === 'TH' ? 'Column' : 'Row' }));
      else recordCitations(ctx, leaf(ctx, 'TD', draw));
      x += widths[c]!;
    });
  };
  if (cell === 'repeat') artifact(ctx, cells);
  else group(ctx, 'TR', cells);
  advance(ctx, row.height);
}

function continuedLine(ctx: LayoutContext, s: Styles): void {
  const m = measureSpans([{ text: ctx.theme.labels.continued ?? '', italic: true }], { ...s.body, color: ctx.theme.colors.muted }, ctx.frame.width, ctx.fonts);
  artifact(ctx, () => void drawText(ctx.doc, m, ctx.frame.x, ctx.y, 'right'));
  advance(ctx, textHeight(m));
}

export const table = {
  minStart(t: Table, ctx: LayoutContext) {
    const { header, rows } = layoutTable(t, ctx);
    return header.height + (rows[0]?.height ?? 0);
  },
  place(t: Table, ctx: LayoutContext) {
    const { s, align, widths, header, rows } = layoutTable(t, ctx);
    const theme = ctx.theme.table;
    ensure(ctx, header.height + (rows[0]?.height ?? 0));
    group(ctx, 'Table', () => {
      drawRow(ctx, header, widths, align, s.pad, 'TH', theme.headerBackground);
      rows.forEach((row, i) => {
        if (ctx.y + row.height > ctx.bottom && !ctx.atTop) {
          newPage(ctx);
          ctx.continuedTables.push(ctx.page);
          continuedLine(ctx, s);
          drawRow(ctx, header, widths, align, s.pad, 'repeat', theme.headerBackground);
        }
        ctx.landmarks.push({ kind: 'row', name: plainText(t.rows[i]?.[0] ?? []).trim(), page: ctx.page + 1 });
        drawRow(ctx, row, widths, align, s.pad, 'TD', i % 2 === 1 ? theme.stripe : undefined);
        artifact(ctx, () => ctx.doc.save().moveTo(ctx.frame.x, ctx.y).lineTo(ctx.frame.x + ctx.frame.width, ctx.y).lineWidth(0.4).strokeColor(theme.rule).stroke().restore());
      });
    });
    space(ctx, ctx.theme.text.paragraphSpacing + 4);
  },
};
