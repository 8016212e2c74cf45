// Every message text of the layout stage.
const list = (chars: Iterable<string>) => [...chars].map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

export const messages = {
  missingGlyphs: (key: string, file: string, chars: Iterable<string>, example: string) =>
    `the font of ${key} (${file}) has no glyph for ${list(chars)}, which the text written here sets (e.g. in "${example}")`,
  glyphsHint: () => 'choose a font that covers them, every letter with its marks',
};
