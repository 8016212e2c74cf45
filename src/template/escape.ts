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

/**
 * A value a template prints, as text: what Handlebars itself would print (a SafeString's text, a number's digits),
 * and nothing for a missing value.
 */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  // Values reach helpers from templates untyped; String() is what Handlebars prints for them.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}
