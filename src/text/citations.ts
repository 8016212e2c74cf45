// The citation directives authors write in narrative Markdown: `:cite[id-a, id-b]` and `:fig[claim-id]`.

/** Matches a citation directive in raw Markdown, for locating ids before the Markdown is parsed. */
export const citationPattern = /:(cite|fig)\[([^\]]*)\]/g;

/** "a, b c" → ["a", "b", "c"] */
export function parseCitationIds(label: string): string[] {
  return label
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The named destination of a source's entry in the sources appendix. */
export const sourceAnchor = (sourceId: string) => `source-${sourceId}`;
