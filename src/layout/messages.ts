// Every message text of the layout stage.
const list = (chars: Iterable<string>) => [...chars].map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

export const messages = {
  missingGlyphs: (key: string, chars: Iterable<string>, example: string) =>
    `${key}: the font has no glyph for ${list(chars)}, which the review sets (e.g. in "${example}"); choose a font that covers them (for Vietnamese, every letter with its marks)`,
};
