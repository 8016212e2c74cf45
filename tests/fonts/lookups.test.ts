// fontkit's OpenType lookups answered in fewer steps (src/fonts/lookups.ts): the same runs as fontkit's own. The
// program's fonts come from fontkit's ES module copy, which the change applies to; fontkit's CommonJS copy, loaded
// apart and never given a font of the program, shapes the same strings unchanged alongside. The strings are shaped in
// fonts made here of each copy, not in the program's shared fonts: fontkit keeps a glyph with the code points it was
// first asked with, and a generated "a" + combining acute would be kept for "á" in every later build of the process.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFont, resolveFontPath } from '../../src/fonts/index.js';
import { classOf, coverageIndex, lookupDigest, type ClassTable, type Coverage, type Lookup } from '../../src/fonts/lookups.js';
import { parse } from 'yaml';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface Font {
  layout(text: string, features?: string[]): Run;
  _layoutEngine: { engine: { GSUBProcessor?: object; GPOSProcessor?: object } };
  GPOS?: { lookupList: { type: { type: { fields: { subTables: { type: { type: { versions: Record<number, Record<string, { options: { lazy?: boolean } }>> } } } } } } } };
}
const fontkitAsIs = createRequire(import.meta.url)('fontkit') as { create(bytes: Buffer): Font };

const root = new URL('../../', import.meta.url);
const theme = parse(readFileSync(new URL('templates/annual-review/theme.yaml', root), 'utf8')) as { fonts: Record<string, Record<string, string>> };
const fontPaths = [...new Set(Object.values(theme.fonts).flatMap((styles) => Object.values(styles)))].map((file) => resolveFontPath(file, new URL('templates/annual-review/', root).pathname));

const QUICKER = Symbol.for('annual-review.quicker-lookups');
/** The class of fontkit's OpenType processors that a font's run went through. */
function processorClass(font: Font): Record<string | symbol, unknown> {
  let at: object | null = font._layoutEngine.engine.GSUBProcessor ?? null;
  while (at && !Object.hasOwn(at, 'applyChainingContext')) at = Object.getPrototypeOf(at) as object | null;
  return at as Record<string | symbol, unknown>;
}

const numbers = (run: Run) => ({ glyphs: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]) });

/** Words and lines of both example datasets' texts, in both languages' narratives. */
function datasetTexts(): string[] {
  const texts = new Set<string>();
  for (const dataset of ['vietnam-2025', 'marenna-2025']) {
    for (const file of ['narrative.yaml', 'claims.yaml', 'events.yaml', 'people.yaml', 'sources.yaml']) {
      let text: string;
      try {
        text = readFileSync(new URL(`data/${dataset}/${file}`, root), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        const trimmed = line.trim();
        if (trimmed) texts.add(trimmed.slice(0, 80));
        for (const word of trimmed.split(/\s+/)) if (word) texts.add(word);
      }
    }
  }
  return [...texts];
}

/** Characters the fonts' contextual lookups act on: arrows, fractions, figures, case, Vietnamese letters and marks. */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' .,:;!?-–—/\\()[]{}<>=+*x×#@&%$€£₫"\'’“”…',
  ...'ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '->',
  '<-',
  '=>',
  '1/2',
  '3/4',
  'fi',
  'ff',
  'ffl',
];

describe("fontkit's lookups answered in fewer steps, and their anchors read when asked for", () => {
  it('shape every dataset text and generated string as fontkit itself does, in each of the theme fonts', () => {
    expect(fontPaths.length).toBeGreaterThanOrEqual(8);
    const generated = fc.sample(
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 24 }).map((parts) => parts.join('')),
      { numRuns: 800, seed: 29 },
    );
    const texts = datasetTexts();
    expect(texts.length).toBeGreaterThan(1500);
    for (const path of fontPaths) {
      // The program's font has the change made as it first shapes a string; it is made for its copy of fontkit.
      const programs = loadFont(path).font as unknown as Font;
      programs.layout('Review');
      const font = fontkit.create(readFileSync(path)) as unknown as Font;
      const asIs = fontkitAsIs.create(readFileSync(path));
      const same = (text: string, features?: string[]) => expect(numbers(font.layout(text, features)), `${path}: ${text}`).toEqual(numbers(asIs.layout(text, features)));
      for (const text of texts) same(text);
      // Tabular figures, as number columns are set.
      for (const text of generated) for (const features of [undefined, ['tnum']]) same(text, features);
      // The change is in force for the program's fonts, and not for the copy it is compared with.
      expect(processorClass(programs)).toBe(processorClass(font));
      expect(processorClass(font)[QUICKER]).toBe(true);
      // The loop over the glyphs is the one written from this fontkit's: replaced.
      expect(processorClass(font).applyLookups).not.toBe(processorClass(asIs).applyLookups);
      expect(processorClass(asIs)[QUICKER]).toBeUndefined();
      // A mark attachment's anchors are read when asked for, in this copy of fontkit and not in the other.
      const anchors = (f: Font) => f.GPOS?.lookupList.type.type.fields.subTables.type.type.versions[4]!.baseArray!.options.lazy;
      expect(anchors(font)).toBe(true);
      expect(anchors(asIs)).toBe(false);
    }
  });

  // fontkit's own answers, as it reads a table from the start.
  const coverageAsRead = (coverage: Coverage, glyph: number): number => {
    if (coverage.version === 1) return coverage.glyphs!.indexOf(glyph);
    for (const range of coverage.rangeRecords ?? []) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
    return -1;
  };
  const classAsRead = (table: ClassTable, glyph: number): number => {
    for (const range of table.classRangeRecord ?? []) if (range.start <= glyph && glyph <= range.end) return range.class;
    return 0;
  };
  const glyph = fc.integer({ min: 0, max: 300 });
  const range = fc.tuple(glyph, fc.integer({ min: -3, max: 40 })).map(([start, length]) => ({ start, end: start + length }));

  it('give the index fontkit gives from any coverage table: repeated glyphs, overlapping or empty ranges, out of order', () => {
    const coverage = fc.oneof(
      fc.array(glyph, { maxLength: 30 }).map((glyphs): Coverage => ({ version: 1, glyphs })),
      fc.array(fc.tuple(range, fc.integer({ min: 0, max: 500 })), { maxLength: 12 }).map((ranges): Coverage => ({
        version: 2,
        rangeRecords: ranges.map(([r, startCoverageIndex]) => ({ ...r, startCoverageIndex })),
      })),
    );
    fc.assert(
      fc.property(coverage, fc.array(fc.integer({ min: -5, max: 360 }), { minLength: 1, maxLength: 20 }), (table, glyphs) => {
        for (const g of glyphs) expect(coverageIndex(table, g)).toBe(coverageAsRead(table, g));
      }),
      { numRuns: 500, seed: 29 },
    );
  });

  it('give the class fontkit gives from any class table of ranges', () => {
    const table = fc.array(fc.tuple(range, fc.integer({ min: 0, max: 70000 })), { maxLength: 12 }).map((ranges): ClassTable => ({
      version: 2,
      classRangeRecord: ranges.map(([r, value]) => ({ ...r, class: value })),
    }));
    fc.assert(
      fc.property(table, fc.array(fc.integer({ min: -5, max: 360 }), { minLength: 1, maxLength: 20 }), (classes, glyphs) => {
        for (const g of glyphs) expect(classOf(classes, g)).toBe(classAsRead(classes, g));
      }),
      { numRuns: 500, seed: 29 },
    );
  });

  it("gather for each lookup the glyphs of its subtables' first coverages, by the kind of each subtable", () => {
    const c = (...glyphs: number[]): Coverage => ({ version: 1, glyphs });
    const sub = (lookupType: number, ...subTables: Lookup['subTables']): Lookup => ({ lookupType, subTables });
    const acting = (lookup: Lookup, positioning: boolean) => {
      const digest = lookupDigest(lookup, positioning);
      return digest && [...digest.values].flatMap((acts, i) => (acts ? [digest.first + i] : []));
    };
    const ranges: Coverage = { version: 2, rangeRecords: [{ start: 9, end: 10, startCoverageIndex: 0 }] };
    // [lookup, whether it positions, the glyphs gathered (null: tried at every glyph)]
    const cases: [Lookup, boolean, number[] | null][] = [
      // Substitutions: a coverage; contexts and chaining contexts by their formats; an extension by what it holds.
      [sub(1, { coverage: c(5, 7) }, { coverage: ranges }), false, [5, 7, 9, 10]],
      [sub(4, { coverage: c(3) }), false, [3]],
      [sub(5, { version: 3, coverages: [c(4), c(8)] }, { version: 2, coverage: c(6) }), false, [4, 6]],
      [sub(6, { version: 3, inputCoverage: [c(2), c(11)] }, { version: 1, coverage: c(12) }), false, [2, 12]],
      [sub(7, { lookupType: 1, extension: { coverage: c(20) } }), false, [20]],
      // Positioning: pairs and cursive by a coverage, marks by the mark's coverage, contexts as above, extension 9.
      [sub(2, { coverage: c(1, 2) }), true, [1, 2]],
      [sub(4, { markCoverage: c(30) }), true, [30]],
      [sub(5, { markCoverage: c(31) }), true, [31]],
      [sub(6, { mark1Coverage: c(32) }), true, [32]],
      [sub(8, { version: 3, inputCoverage: [c(33)] }), true, [33]],
      [sub(9, { lookupType: 4, extension: { markCoverage: c(34) } }), true, [34]],
      // A kind not known to test a coverage first (reverse chaining, an unknown format or type): tried at every glyph.
      [sub(8, { coverage: c(1) }), false, null],
      [sub(6, { version: 3, inputCoverage: [c(1)] }, { version: 4, coverage: c(2) }), false, null],
      [sub(1, { coverage: { version: 3 } }), false, null],
      [sub(10, { coverage: c(1) }), true, null],
      // No subtable: nothing to try.
      [sub(1), false, []],
    ];
    for (const [lookup, positioning, glyphs] of cases) expect(acting(lookup, positioning), JSON.stringify(lookup)).toEqual(glyphs);
  });
});
