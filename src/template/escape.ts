// The one point where data becomes Markdown: every value a template prints with {{…}} passes through here.

/** Characters with a meaning anywhere in inline Markdown or in our directives (":cite[…]"). */
const ANYWHERE = /[\\`*_[\]<>|~:&!#]/g;

/**
 * Escapes a data string so that Markdown prints it literally: `*x* [y](z) # h` stays exactly that.
 * Line breaks become spaces (a value never starts a new block), and block markers at the start are escaped.
 */
export function escapeMarkdown(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(ANYWHERE, '\\$&')
    .replace(/^(\s*)([-+=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}
