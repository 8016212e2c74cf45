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
//   and goes on to fontkit's own tests only when the glyph is in it. Those tests only read, so the same ones pass;
// - a lookup is tried at a glyph only when one of its subtables could act on it: every subtable of the lookup types
//   fontkit knows tests the current glyph against a coverage table first (the first input coverage for a context)
//   and gives up, changing nothing, when the glyph is not in it, so the glyphs of those first coverages are gathered
//   once per lookup (`lookupDigest`) and fontkit's loop over the glyphs passes the others by. A lookup with a
//   subtable of another kind is tried at every glyph, as fontkit tries it; and the loop is replaced only in the
//   fontkit whose loop it was written from (`FONTKIT_LOOP`).
// The same runs come out (tests/fonts/lookups.test.ts shapes with fontkit's other copy, unchanged, alongside).
// Measured on 12,000 words and 8,000 lines of the ×100 dataset in three of the theme’s fonts: 9.3 → 4.8 s with the
// tables read once and the chaining contexts' test, 3.3 s with the lookups' glyphs gathered too.
// And a font's mark attachments' anchors are read when a lookup first asks for them (`anchorsWhenAsked`), not with
// the lookup: most of what fontkit reads of a font's lookups on its first string.

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
  glyphIterator: GlyphIterator;
  coverageIndex: (this: Processor, coverage: Coverage, glyph?: number | null) => number;
  getClassID: (this: Processor, glyph: number, classTable: ClassTable) => number;
  applyChainingContext: (this: Processor, table: { version: number; inputCoverage?: readonly Coverage[] }) => boolean;
  applyLookups: (this: Processor, lookups: readonly { feature: string; lookup: Lookup }[], glyphs: Glyph[], positions: unknown[]) => void;
  applyLookup: (this: Processor, lookupType: number, table: Subtable) => boolean;
  currentFeature: string | null;
  glyphs: Glyph[];
  positions: unknown[];
}

/** fontkit's glyph as its loop over a run reads it. */
interface Glyph {
  id: number;
  features: Record<string, unknown>;
}

/** fontkit's iterator over a run's glyphs (the class is not exported; it is read from a processor that has one). */
interface GlyphIterator {
  index: number;
  readonly glyphs: readonly (Glyph | undefined)[];
  readonly cur: Glyph | null;
  reset(flags: unknown): void;
  next(): unknown;
}
type GlyphIteratorClass = new (glyphs: Glyph[]) => GlyphIterator;

/** A lookup's subtable, as far as its first test reads it. */
interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: readonly Coverage[];
  inputCoverage?: readonly Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}

/** A GSUB or GPOS lookup. */
export interface Lookup {
  lookupType: number;
  flags?: unknown;
  subTables: readonly Subtable[];
}

/** A table read into an array by glyph, from the first glyph it names to the last (most tables name glyphs close together). */
interface ByGlyph {
  first: number;
  values: Int32Array;
}
const BY_GLYPH = Symbol('annual-review.by-glyph');
const DIGEST = Symbol('annual-review.lookup-digest');

/** What `read` makes of a table of fontkit's, kept on the table under `key`: fontkit decodes each table once per font. */
function keep<T extends object, V>(table: T, key: symbol, read: (table: T) => V): V {
  const held = table as T & Record<symbol, V>;
  if (!(key in held)) Object.defineProperty(held, key, { value: read(table) });
  return held[key] as V;
}

/** Glyphs a table names: a list, or ranges (a range that ends before it starts names none). */
interface Named {
  version: number;
  glyphs?: readonly number[];
  rangeRecords?: readonly { start: number; end: number }[];
}

/** The first and the last glyph the tables name; the last is below the first when they name none. */
function spanOf(tables: readonly Named[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const table of tables) {
    if (table.version === 1) {
      for (const glyph of table.glyphs ?? []) {
        first = Math.min(first, glyph);
        last = Math.max(last, glyph);
      }
    } else if (table.version === 2) {
      for (const range of table.rangeRecords ?? []) {
        if (range.start > range.end) continue;
        first = Math.min(first, range.start);
        last = Math.max(last, range.end);
      }
    }
  }
  return { first, last };
}

/** An array by glyph over the glyphs the tables name, each `none`. */
function filled(tables: readonly Named[], none: number): ByGlyph {
  const { first, last } = spanOf(tables);
  return last < first ? { first: 0, values: new Int32Array(0) } : { first, values: new Int32Array(last - first + 1).fill(none) };
}

/** Index by glyph of a coverage table, -1 for a glyph it does not hold. Filled from the end: the first holder wins. */
function coverageByGlyph(coverage: Coverage): ByGlyph {
  const byGlyph = filled([coverage], -1);
  const { first, values } = byGlyph;
  const glyphs = coverage.version === 1 ? (coverage.glyphs ?? []) : [];
  const ranges = coverage.version === 2 ? (coverage.rangeRecords ?? []) : [];
  for (let i = glyphs.length - 1; i >= 0; i--) values[glyphs[i]! - first] = i;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    for (let glyph = range.start; glyph <= range.end; glyph++) values[glyph - first] = range.startCoverageIndex + glyph - range.start;
  }
  return byGlyph;
}

/** Class by glyph of a class table of ranges, 0 for a glyph in none. Filled from the end: the first range wins. */
function classesByGlyph(table: ClassTable): ByGlyph {
  const ranges = table.classRangeRecord ?? [];
  const byGlyph = filled([{ version: 2, rangeRecords: ranges }], 0);
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i]!;
    if (range.start <= range.end) byGlyph.values.fill(range.class, range.start - byGlyph.first, range.end - byGlyph.first + 1);
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
  return valueOf(keep(coverage, BY_GLYPH, coverageByGlyph), glyph, -1);
}

/** What fontkit's `getClassID` gives for `glyph` from a class table of ranges. */
export function classOf(table: ClassTable, glyph: number): number {
  return valueOf(keep(table, BY_GLYPH, classesByGlyph), glyph, 0);
}

/**
 * The coverage table whose glyphs alone a subtable of this type can act on, as the current glyph: the one fontkit
 * tests first, giving up when the glyph is not in it. Undefined for a kind of subtable not known to do so.
 */
function firstCoverage(type: number, table: Subtable | undefined, positioning: boolean): Coverage | undefined {
  if (!table) return undefined;
  // An extension holds a subtable of another type.
  if (type === (positioning ? 9 : 7)) return table.lookupType === undefined ? undefined : firstCoverage(table.lookupType, table.extension, positioning);
  const context = positioning ? 7 : 5;
  const chaining = positioning ? 8 : 6;
  if (type === context || type === chaining) {
    if (table.version === 1 || table.version === 2) return table.coverage;
    if (table.version === 3) return (type === context ? table.coverages : table.inputCoverage)?.[0];
    return undefined;
  }
  if (!positioning) return type >= 1 && type <= 4 ? table.coverage : undefined;
  if (type >= 1 && type <= 3) return table.coverage;
  if (type === 4 || type === 5) return table.markCoverage;
  return type === 6 ? table.mark1Coverage : undefined;
}

/**
 * The glyphs a lookup's subtables can act on, gathered from their first coverages: 1 by each such glyph, 0 by others.
 * Null when a subtable is of a kind not known to test one first (the lookup is then tried at every glyph). Kept on the
 * lookup.
 */
export function lookupDigest(lookup: Lookup, positioning: boolean): ByGlyph | null {
  return keep(lookup, DIGEST, () => digestOf(lookup, positioning));
}

function digestOf(lookup: Lookup, positioning: boolean): ByGlyph | null {
  const coverages: Coverage[] = [];
  for (const table of lookup.subTables) {
    const coverage = firstCoverage(lookup.lookupType, table, positioning);
    if (!coverage || (coverage.version !== 1 && coverage.version !== 2)) return null;
    coverages.push(coverage);
  }
  const digest = filled(coverages, 0);
  const { first, values } = digest;
  for (const coverage of coverages) {
    if (coverage.version === 1) for (const glyph of coverage.glyphs ?? []) values[glyph - first] = 1;
    else for (const range of coverage.rangeRecords ?? []) if (range.start <= range.end) values.fill(1, range.start - first, range.end - first + 1);
  }
  return digest;
}

/** Whether the lookup can act on `glyph` as the current glyph. */
const mayAct = (digest: ByGlyph | null, glyph: number) => digest === null || valueOf(digest, glyph, 0) === 1;

/**
 * fontkit 2.0.4's loop over a run's glyphs for each lookup (`applyLookups`), its white space collapsed and its name for
 * the glyph iterator's class left out: the loop replaced below is this one, and the change leaves any other as it is.
 */
const FONTKIT_LOOP =
  'applyLookups(lookups, glyphs, positions) { this.glyphs = glyphs; this.positions = positions; this.glyphIterator = new (0, ITERATOR)(glyphs); for (let { feature: feature, lookup: lookup } of lookups){ this.currentFeature = feature; this.glyphIterator.reset(lookup.flags); while(this.glyphIterator.index < glyphs.length){ if (!(feature in this.glyphIterator.cur.features)) { this.glyphIterator.next(); continue; } for (let table of lookup.subTables){ let res = this.applyLookup(lookup.lookupType, table); if (res) break; } this.glyphIterator.next(); } } }';

const loopText = (loop: (...args: never[]) => unknown) =>
  loop
    .toString()
    .replace(/\s+/g, ' ')
    .replace(/new \(0, [\w$]+\)\(glyphs\)/, 'new (0, ITERATOR)(glyphs)');

/** fontkit's loop with the lookups' digests: the same steps, but that a glyph no subtable can act on is passed by. */
function loopWithDigests(Iterator: GlyphIteratorClass): Processor['applyLookups'] {
  return function (this: Processor, lookups, glyphs, positions) {
    this.glyphs = glyphs;
    this.positions = positions;
    const iterator = new Iterator(glyphs);
    this.glyphIterator = iterator;
    const positioning = 'applyPositionValue' in this;
    for (const { feature, lookup } of lookups) {
      this.currentFeature = feature;
      iterator.reset(lookup.flags);
      const digest = lookupDigest(lookup, positioning);
      while (iterator.index < glyphs.length) {
        const glyph = iterator.cur!;
        if (feature in glyph.features && mayAct(digest, glyph.id)) {
          for (const table of lookup.subTables) if (this.applyLookup(lookup.lookupType, table)) break;
        }
        iterator.next();
      }
    }
  };
}

const QUICKER = Symbol.for('annual-review.quicker-lookups');

/**
 * fontkit's OpenType processor answers its lookups as above, from now on, for every font of the same copy of fontkit
 * as `font`. A font without OpenType tables (or with AAT's) has no such processor: nothing changes. Call it after the
 * font has shaped a string: its processors are made then.
 */
export function quickerLookups(font: object): void {
  const engine = (font as { _layoutEngine?: { engine?: { GSUBProcessor?: object | null; GPOSProcessor?: object | null } } })._layoutEngine?.engine;
  const instance = engine?.GSUBProcessor ?? engine?.GPOSProcessor ?? null;
  let processor: object | null = instance;
  while (processor && !Object.hasOwn(processor, 'applyChainingContext')) processor = Object.getPrototypeOf(processor) as object | null;
  if (!processor) return;
  const shared = processor as Processor & { [QUICKER]?: true };
  if (shared[QUICKER]) return;
  const { coverageIndex: ownCoverageIndex, getClassID, applyChainingContext, applyLookups } = shared;
  const Iterator = (instance as Partial<{ glyphIterator: object }> | null)?.glyphIterator?.constructor as GlyphIteratorClass | undefined;
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
  if (Iterator && typeof applyLookups === 'function' && loopText(applyLookups) === FONTKIT_LOOP) shared.applyLookups = loopWithDigests(Iterator);
  shared[QUICKER] = true;
}

/** A field of a fontkit table that points at another part of the font (restructure's Pointer): read with its table. */
interface Pointer {
  options: { lazy?: boolean };
  type: { decode?: unknown } | null;
}

/** Where a GPOS table's subtables are described: from its lookup list through a lookup's subtables to their types. */
interface GposTable {
  lookupList?: { type?: { type?: { fields?: { subTables?: { type?: { type?: { versions?: Record<number, Record<string, Pointer | undefined> | undefined> } } } } } } };
}

/** The arrays of anchors of GPOS's mark attachments (lookup types 4 to 6), by lookup type. */
const ANCHOR_ARRAYS: readonly (readonly [number, readonly string[]])[] = [
  [4, ['markArray', 'baseArray']],
  [5, ['markArray', 'ligatureArray']],
  [6, ['mark1Array', 'mark2Array']],
];

/**
 * fontkit reads a lookup whole the first time a string asks for it, and a mark attachment holds an anchor for every
 * mark and for every base glyph (or ligature, or mark under a mark) by class of mark: 9,860 anchors in Noto Serif, most
 * of all it reads of the font's lookups, of which a text uses a few. A subtable reads its marks' and bases' anchors
 * only after both glyphs are found in its coverage tables, so those arrays are made restructure's lazy pointers: each
 * is read whole, as before, when a lookup first asks for it, and kept. From now on for every font of the same copy of
 * fontkit as `font`; a font without GPOS changes nothing. Call it before the font shapes its first string.
 */
export function anchorsWhenAsked(font: object): void {
  const versions = (font as { GPOS?: GposTable }).GPOS?.lookupList?.type?.type?.fields?.subTables?.type?.type?.versions;
  if (!versions) return;
  for (const [type, fields] of ANCHOR_ARRAYS) {
    for (const field of fields) {
      const pointer = versions[type]?.[field];
      if (pointer && typeof pointer.options === 'object' && typeof pointer.type?.decode === 'function') pointer.options.lazy = true;
    }
  }
}
