// A font's `post` table read header first: every value fontkit gives for it, the same as when it decodes the table
// whole, for every font file installed with the package; the glyphs' names decoded only when asked for.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { loadFont } from '../../src/fonts/index.js';
import { packageRoot } from '../../src/input/paths.js';

const fontFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fontFiles(path) : /\.[ot]tf$/i.test(name) ? [path] : [];
  });
const FILES = fontFiles(join(packageRoot, 'node_modules', '@expo-google-fonts'));

/** What fontkit gives of a font that the project's declarations leave out. */
type Full = Omit<fontkit.Font, 'getGlyph'> & { italicAngle: number; underlinePosition: number; underlineThickness: number; numGlyphs: number; getGlyph(id: number): fontkit.Glyph & { name?: string } };
const full = (font: fontkit.Font) => font as Full;
const post = (font: fontkit.Font) => (font as unknown as { post: Record<string, unknown> }).post;

describe('the post table, header first', () => {
  it('is read for every font installed with the package, and a table of version 3 (no names)', () => {
    expect(FILES.length).toBeGreaterThan(10);
    const dir = mkdtempSync(join(tmpdir(), 'annual-review-post-'));
    try {
      const bytes = readFileSync(FILES.find((f) => f.includes('Inter_400Regular'))!);
      const table = (fontkit.create(bytes) as unknown as { directory: { tables: { post: { offset: number } } } }).directory.tables.post;
      bytes.writeUInt32BE(0x00030000, table.offset);
      const file = join(dir, 'v3.ttf');
      writeFileSync(file, bytes);
      const ours = full(loadFont(file).font);
      const theirs = full(fontkit.create(readFileSync(file)));
      expect(post(theirs).version).toBe(3);
      for (const key of [...Object.keys(post(theirs)), 'names', 'glyphNameIndex']) expect(post(ours)[key], key).toEqual(post(theirs)[key]);
      expect(ours.getGlyph(5).name).toEqual(theirs.getGlyph(5).name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(FILES.map((file) => [file.slice(file.indexOf('@expo-google-fonts')), file]))('gives fontkit’s values for %s', (_name, file) => {
    const ours = full(loadFont(file).font);
    const theirs = full(fontkit.create(readFileSync(file)));
    const decoded = post(theirs);
    // What pdfkit reads to embed a font comes from the header: nothing else is decoded for it.
    expect([ours.italicAngle, post(ours).isFixedPitch, ours.underlinePosition, ours.underlineThickness]).toEqual([
      theirs.italicAngle,
      decoded.isFixedPitch,
      theirs.underlinePosition,
      theirs.underlineThickness,
    ]);
    for (const key of Object.keys(decoded)) expect(post(ours)[key], key).toEqual(decoded[key]);
    // Glyph names, which need the rest of the table.
    const ids = [0, 1, 2, 3, Math.floor(theirs.numGlyphs / 2), theirs.numGlyphs - 1];
    expect(ids.map((id) => ours.getGlyph(id).name)).toEqual(ids.map((id) => theirs.getGlyph(id).name));
  });

  it('leaves the glyphs’ names undecoded until they are asked for', () => {
    // A copy under another name: a font of its own, not the one the other tests loaded.
    const dir = mkdtempSync(join(tmpdir(), 'annual-review-post-'));
    try {
      const file = join(dir, 'font.ttf');
      copyFileSync(
        FILES.find((f) => f.includes('NotoSerif_400Regular'))!,
        file,
      );
      const font = full(loadFont(file).font);
      const decode = vi.spyOn(font as unknown as { _decodeTable(table: { tag: string }): unknown }, '_decodeTable');
      const decodedPost = () => decode.mock.calls.filter(([table]) => table.tag === 'post').length;
      expect([font.italicAngle, post(font).isFixedPitch, post(font).version]).toEqual([0, 0, 2]);
      expect(decodedPost()).toBe(0);
      expect(font.getGlyph(100).name).toBeTruthy();
      expect(font.getGlyph(200).name).toBeTruthy();
      expect(decodedPost()).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
