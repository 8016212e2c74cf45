// The Document: the one intermediate representation shared by every stage after Markdown parsing.
// Blocks and spans are plain data: the layout stage measures and places them, and never modifies them.

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** External link (URL). */
  link?: string;
  /** Internal link to a named destination, e.g. "source-vovworld-2025". */
  goTo?: string;
  /** Marks a citation marker "[n]"; the value is the source id it points at. */
  citation?: string;
  /** A source's own words (`:q[…]`): set as they are, never hyphenated. */
  verbatim?: boolean;
}

/** The text of spans without their styles: "Hà Nội [1]". */
export const plainText = (spans: readonly Span[]): string => spans.map((s) => s.text).join('');

export type Align = 'left' | 'right' | 'center' | null;

export interface Heading {
  type: 'heading';
  depth: 1 | 2 | 3 | 4;
  spans: Span[];
  /** Named destination, unique in the document. */
  id: string;
  /** False for headings the author kept out of the contents and outline (`{.unlisted}`). */
  listed: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  spans: Span[];
  /** Named destination placed where the paragraph starts. */
  anchor?: string;
  /** Paragraph style from the template: "lead" (larger), "small", "caption", "note". */
  style?: string;
}

export interface List {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
}

export interface BlockQuote {
  type: 'blockquote';
  children: Block[];
}

export interface Table {
  type: 'table';
  align: Align[];
  header: Span[][];
  rows: Span[][][];
}

export interface Figure {
  type: 'figure';
  /** Name of the chart in the template's charts folder. */
  chart: string;
  caption: Span[];
  /** The line under the caption naming where the figures come from, with citations ("Source: …"). */
  source?: Span[];
  /** An authored sentence that leads the alt text computed from the chart's data. */
  alt?: string;
}

export interface Cover {
  type: 'cover';
  children: Block[];
}

export interface Contents {
  type: 'toc';
}

/** "Cited on pages 3, 5": the pages citing a source, known at layout time, each a link to the citation. */
export interface CitedBy {
  type: 'citedBy';
  source: string;
}

export interface PageBreak {
  type: 'pageBreak';
}

export interface ThematicBreak {
  type: 'rule';
}

export type Block = Heading | Paragraph | List | BlockQuote | Table | Figure | Cover | Contents | PageBreak | ThematicBreak | CitedBy;
export type BlockType = Block['type'];

export interface DocumentInfo {
  title: string;
  subtitle?: string;
  author: string;
  subject?: string;
  keywords: string[];
  /** ISO date: the document's creation and modification date (never the clock). */
  date: string;
  language: string;
}

export interface Document {
  info: DocumentInfo;
  blocks: Block[];
}
