// fontkit's OpenType lookups, answered as fontkit answers them, in fewer steps. Shaping a string applies each of the
// font's GSUB and GPOS lookups at each glyph, and most of a lookup's tests ask whether a glyph is in a coverage table
// (a list of glyphs, or ranges of them) or which class a class table gives it (ranges of glyphs). fontkit reads the
// list or the ranges from the start at every test, and tests a chaining context (Inter's contextual alternates: 91 of
// them) on the glyphs before the current one before the current one itself, which fails in most places. Here:
// - a coverage table is read once into an array by glyph, which gives the index the list or the first range that holds
//   the glyph gives, or -1 as fontkit does for none;
// - a class table of ranges is read once into an array by glyph, which gives the class of the first range that holds
//   the glyph, or 0;
// - a chaining context by coverage tables (format 3) first tests the current glyph against its first input coverage,
//   and goes on to fontkit's own tests only when the glyph is in it. Those tests only read, so the same ones pass.
// The same runs come out (tests/fonts/lookups.test.ts shapes with fontkit's other copy, unchanged, alongside).
// Measured on 12,000 words and 8,000 lines of the ×100 dataset in three of the theme’s fonts: 9.3 → 4.8 s.

/** fontkit's coverage table: a list of glyphs (version 1) or ranges of them (version 2). */
export interface Coverage {
  version: number;
  glyphs?: readonly number[];
  rangeRecords?: readonly { start: number; end: number; startCoverageIndex: number }[];
}

/** fontkit's class table: classes from a first glyph (version 1) or by ranges of glyphs (version 2). */
export interface ClassTable {
  version: number;
  classRangeRecord?: readonly { start: number; end: number; class: number }[];
}

/** The part of fontkit's OpenType processor (GSUB's and GPOS's common class) changed here. */
interface Processor {
  glyphIterator: { index: number; glyphs: readonly ({ id: number } | undefined)[]; cur: { id: number } | null };
  coverageIndex: (this: Processor, coverage: Coverage, glyph?: number | null) => number;
  getClassID: (this: Processor, glyph: number, classTable: ClassTable) => number;
  applyChainingContext: (this: Processor, table: { version: number; inputCoverage?: readonly Coverage[] }) => boolean;
}

/**
 * A table read into an array by glyph, from the first glyph it names to the last (most tables name glyphs close
 * together), kept on the table: fontkit decodes each table once per font.
 */
interface ByGlyph {
  first: number;
  values: Int32Array;
}
const BY_GLYPH = Symbol('annual-review.by-glyph');
type Kept<T> = T & { [BY_GLYPH]?: ByGlyph };

function keep<T extends object>(table: Kept<T>, read: (table: T) => ByGlyph): ByGlyph {
  let byGlyph = table[BY_GLYPH];
  if (!byGlyph) Object.defineProperty(table, BY_GLYPH, { value: (byGlyph = read(table)) });
  return byGlyph;
}

/** An array by glyph over the glyphs from each range's start to its end, each `none`. */
function filled(ranges: readonly { start: number; end: number }[], none: number): ByGlyph {
  let first = Infinity;
  let last = -Infinity;
  for (const range of ranges) {
    first = Math.min(first, range.start);
    last = Math.max(last, range.end);
  }
  return last < first ? { first: 0, values: new Int32Array(0) } : { first, values: new Int32Array(last - first + 1).fill(none) };
}

/** Index by glyph of a coverage table, -1 for a glyph it does not hold. Filled from the end: the first holder wins. */
function coverageByGlyph(coverage: Coverage): ByGlyph {
  const glyphs = coverage.version === 1 ? (coverage.glyphs ?? []) : [];
  const ranges = coverage.version === 2 ? (coverage.rangeRecords ?? []).filter((range) => range.start <= range.end) : [];
  const byGlyph = filled([...glyphs.map((glyph) => ({ start: glyph, end: glyph })), ...ranges], -1);
  const { first, values } = byGlyph;
  for (let i = glyphs.length - 1; i >= 0; i--) values[glyphs[i]! - first] = i;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    for (let glyph = range.start; glyph <= range.end; glyph++) values[glyph - first] = range.startCoverageIndex + glyph - range.start;
  }
  return byGlyph;
}

/** Class by glyph of a class table of ranges, 0 for a glyph in none. Filled from the end: the first range wins. */
function classesByGlyph(table: ClassTable): ByGlyph {
  const ranges = (table.classRangeRecord ?? []).filter((range) => range.start <= range.end);
  const byGlyph = filled(ranges, 0);
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    byGlyph.values.fill(range.class, range.start - byGlyph.first, range.end - byGlyph.first + 1);
  }
  return byGlyph;
}

/** The value kept for `glyph`, `none` outside the table's glyphs. */
function valueOf(byGlyph: ByGlyph, glyph: number, none: number): number {
  const at = glyph - byGlyph.first;
  return at >= 0 && at < byGlyph.values.length ? byGlyph.values[at]! : none;
}

/** What fontkit's `coverageIndex` gives for `glyph`. */
export function coverageIndex(coverage: Coverage, glyph: number): number {
  return valueOf(keep(coverage, coverageByGlyph), glyph, -1);
}

/** What fontkit's `getClassID` gives for `glyph` from a class table of ranges. */
export function classOf(table: ClassTable, glyph: number): number {
  return valueOf(keep(table, classesByGlyph), glyph, 0);
}

const QUICKER = Symbol.for('annual-review.quicker-lookups');

/**
 * fontkit's OpenType processor answers its lookups as above, from now on, for every font of the same copy of fontkit
 * as `font`. A font without OpenType tables (or with AAT's) has no such processor: nothing changes. Call it after the
 * font has shaped a string: its processors are made then.
 */
export function quickerLookups(font: object): void {
  const engine = (font as { _layoutEngine?: { engine?: { GSUBProcessor?: object | null; GPOSProcessor?: object | null } } })._layoutEngine?.engine;
  let processor: object | null = engine?.GSUBProcessor ?? engine?.GPOSProcessor ?? null;
  while (processor && !Object.hasOwn(processor, 'applyChainingContext')) processor = Object.getPrototypeOf(processor) as object | null;
  if (!processor) return;
  const shared = processor as Processor & { [QUICKER]?: true };
  if (shared[QUICKER]) return;
  const { coverageIndex: ownCoverageIndex, getClassID, applyChainingContext } = shared;
  if (typeof ownCoverageIndex !== 'function' || typeof getClassID !== 'function' || typeof applyChainingContext !== 'function') return;
  shared.coverageIndex = function (this: Processor, coverage, glyph) {
    const id = glyph ?? this.glyphIterator.cur?.id;
    if (!Number.isInteger(id) || (coverage.version !== 1 && coverage.version !== 2)) return ownCoverageIndex.call(this, coverage, glyph);
    return coverageIndex(coverage, id as number);
  };
  shared.getClassID = function (this: Processor, glyph, table) {
    return table.version === 2 && Number.isInteger(glyph) ? classOf(table, glyph) : getClassID.call(this, glyph, table);
  };
  shared.applyChainingContext = function (this: Processor, table) {
    const first = table.version === 3 ? table.inputCoverage?.[0] : undefined;
    if (first) {
      const glyph = this.glyphIterator.glyphs[this.glyphIterator.index];
      if (!glyph || this.coverageIndex(first, glyph.id) === -1) return false;
    }
    return applyChainingContext.call(this, table);
  };
  shared[QUICKER] = true;
}
