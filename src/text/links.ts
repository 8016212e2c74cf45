// The link targets a review may carry: web pages and mail addresses. Anything else (javascript:, file:, data:, a
// relative path) would become a PDF action that runs or opens something on the reader's machine.

export const LINK_SCHEMES = ['https', 'http', 'mailto'] as const;

/** The scheme of a URL ("javascript" of "javascript:alert(1)"), lower-cased, or undefined for none. */
export const schemeOf = (url: string): string | undefined => /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();

export const isAllowedLink = (url: string): boolean => (LINK_SCHEMES as readonly string[]).includes(schemeOf(url) ?? '');

export const linkMessages = {
  refused: (url: string) => `the link "${url.length > 60 ? `${url.slice(0, 60)}…` : url}" is not a web or mail address`,
  hint: () => `links may use ${LINK_SCHEMES.map((s) => `${s}:`).join(', ')}`,
  emptyCitation: () => 'the citation names no claim or source',
};

/** Markdown links and autolinks in a text, with the offset of each target: for locating refused links in a file. */
export function* linkTargets(markdown: string): Generator<{ url: string; index: number }> {
  for (const m of markdown.matchAll(/\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) {
    const url = m[1] ?? m[2] ?? '';
    yield { url, index: m.index + m[0].indexOf(url) };
  }
}
