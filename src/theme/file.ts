// Generated from schema/theme.schema.json by scripts/schema-types.mjs (npm run schema-types): do not edit. The
// schema is the one source of the theme's shape; src/theme/index.ts builds the complete Theme's type from this.

/**
 * A TTF or OTF file: a path relative to this theme file, an absolute path, or a package path ("@scope/package/file.ttf").
 */
export type FontFile = string
/**
 * A colour as #rgb or #rrggbb.
 */
export type Color = string

/**
 * The look of a review: page, fonts, colours, type scale and spacing. A template folder's theme.yaml holds only the keys it changes; the built-in theme supplies the rest. Sizes are in points (1/72 inch).
 */
export interface ThemeFile {
/**
 * Paper and margins.
 */
page?: {
/**
 * A4 (210 × 297 mm) or LETTER (8.5 × 11 in). `build --page-size` overrides it.
 */
size?: ("A4" | "LETTER")
/**
 * Distance from each paper edge to the text.
 */
margins?: {
/**
 * Top margin.
 */
top?: number
/**
 * Right margin.
 */
right?: number
/**
 * Bottom margin.
 */
bottom?: number
/**
 * Left margin.
 */
left?: number
}
}
/**
 * Font families by name; each names its regular file and, if it has them, its bold, italic and bold italic files (a style not named is set in the regular one). Every family used elsewhere in the theme must be defined here.
 */
fonts?: {
/**
 * A font family, under the name the theme's font keys use for it: its font files by style.
 */
[k: string]: {
regular: FontFile
bold?: FontFile
italic?: FontFile
boldItalic?: FontFile
}
}
/**
 * Named colours used across the review.
 */
colors?: {
/**
 * Body text.
 */
text?: string
/**
 * Captions, notes, running heads.
 */
muted?: string
/**
 * Headings and rules.
 */
accent?: string
/**
 * The rule under chapter headings.
 */
highlight?: string
/**
 * Table and running-head rules.
 */
rule?: string
/**
 * Citations and links.
 */
link?: string
}
/**
 * Body text.
 */
text?: {
/**
 * Body text family. A family name defined under fonts.
 */
font?: string
/**
 * Body type size.
 */
size?: number
/**
 * Line height as a multiple of the size.
 */
leading?: number
/**
 * Justified or ragged-right body text.
 */
align?: ("justify" | "left")
/**
 * Space between paragraphs.
 */
paragraphSpacing?: number
lead?: TextStyle
note?: TextStyle1
/**
 * Hyphenation patterns for body text, as a language tag (en-gb, en-us, fr, de…), or null for none.
 */
hyphenation?: (string | null)
}
/**
 * Headings, by level (first entry is level 1).
 */
headings?: {
/**
 * Heading family. A family name defined under fonts.
 */
font?: string
/**
 * Heading colour.
 */
color?: string
/**
 * Type size per level.
 * 
 * @minItems 1
 * @maxItems 6
 */
sizes?: [number]|[number, number]|[number, number, number]|[number, number, number, number]|[number, number, number, number, number]|[number, number, number, number, number, number]
/**
 * Space above per level.
 * 
 * @minItems 1
 * @maxItems 6
 */
spaceBefore?: [number]|[number, number]|[number, number, number]|[number, number, number, number]|[number, number, number, number, number]|[number, number, number, number, number, number]
/**
 * Space below per level.
 * 
 * @minItems 1
 * @maxItems 6
 */
spaceAfter?: [number]|[number, number]|[number, number, number]|[number, number, number, number]|[number, number, number, number, number]|[number, number, number, number, number, number]
}
/**
 * Bulleted and numbered lists.
 */
lists?: {
/**
 * Indent per nesting level.
 */
indent?: number
/**
 * Space between items.
 */
itemSpacing?: number
}
/**
 * Block quotes.
 */
blockquote?: {
/**
 * Indent of the quoted text.
 */
indent?: number
/**
 * Quoted text colour.
 */
color?: string
/**
 * The bar beside the quote.
 */
bar?: string
}
/**
 * Tables.
 */
table?: {
/**
 * Table family. A family name defined under fonts.
 */
font?: string
/**
 * Type size.
 */
size?: number
/**
 * Line height as a multiple of the size.
 */
leading?: number
/**
 * Cell padding.
 */
padding?: number
/**
 * Header row background.
 */
headerBackground?: string
/**
 * Header row text.
 */
headerColor?: string
/**
 * Background of every other row.
 */
stripe?: string
/**
 * Rules between rows.
 */
rule?: string
/**
 * OpenType features for number columns, e.g. [tnum, lnum].
 */
numberFeatures?: string[]
}
/**
 * Figures.
 */
figure?: {
/**
 * Caption and source line type size.
 */
captionSize?: number
/**
 * Space above.
 */
spaceBefore?: number
/**
 * Space below.
 */
spaceAfter?: number
}
/**
 * The cover page.
 */
cover?: {
/**
 * full: the whole page in the background colour; band: a white page with a colour band at the top.
 */
layout?: ("full" | "band")
/**
 * Cover colour.
 */
background?: string
/**
 * Cover text colour.
 */
color?: string
/**
 * The short rule above the title.
 */
accent?: string
/**
 * Title size.
 */
titleSize?: number
/**
 * Subtitle size.
 */
subtitleSize?: number
/**
 * An SVG, PNG or JPEG file shown at the top of the cover (relative to this theme file), or null for none. SVG stays vector.
 */
logo?: (string | null)
/**
 * Logo width.
 */
logoWidth?: number
}
/**
 * The contents page.
 */
contents?: {
/**
 * Type size.
 */
size?: number
/**
 * Line height as a multiple of the size.
 */
leading?: number
/**
 * Deepest heading level listed.
 */
depth?: number
}
/**
 * Running heads and page numbers.
 */
furniture?: {
/**
 * Type size.
 */
size?: number
/**
 * Colour.
 */
color?: string
/**
 * Page number position: right, centred, or on the outer edge (left on even pages).
 */
align?: ("right" | "center" | "outside")
}
/**
 * Charts.
 */
chart?: {
/**
 * Chart family. A family name defined under fonts.
 */
font?: string
/**
 * Label size.
 */
size?: number
/**
 * Title size.
 */
titleSize?: number
/**
 * Series colours in order.
 * 
 * @minItems 2
 */
palette?: [Color, Color, ...(Color)[]]
/**
 * A colour as #rgb or #rrggbb.
 */
grid?: string
[k: string]: unknown
}
}
/**
 * The larger opening paragraph (:::lead).
 */
export interface TextStyle {
/**
 * Type size.
 */
size?: number
/**
 * Text colour.
 */
color?: string
}
/**
 * Small notes (:::note).
 */
export interface TextStyle1 {
/**
 * Type size.
 */
size?: number
/**
 * Text colour.
 */
color?: string
}
