// The Document: the one intermediate representation shared by every stage after Markdown parsing.
// Blocks and spans are plain data: the layout stage measures and places them, and never modifies them.
import type { Diagnostic } from './errors.js';

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

/** Where a block was written: a template file (or other text the user can open), its line and column. */
export interface Origin {
  file: string;
  line: number;
  column?: number;
}

/** What every block carries. */
interface Located {
  /** Where the block was written, for messages about it. */
  origin?: Origin;
}

export interface Heading extends Located {
  type: 'heading';
  depth: 1 | 2 | 3 | 4;
  spans: Span[];
  /** Named destination, unique in the document. */
  id: string;
  /** False for headings the author kept out of the contents and outline (`{.unlisted}`). */
  listed: boolean;
}

export interface Paragraph extends Located {
  type: 'paragraph';
  spans: Span[];
  /** Named destination placed where the paragraph starts. */
  anchor?: string;
  /** Paragraph style from the template: "lead" (larger), "small", "caption", "note". */
  style?: string;
}

export interface List extends Located {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
}

export interface BlockQuote extends Located {
  type: 'blockquote';
  children: Block[];
}

export interface Table extends Located {
  type: 'table';
  align: Align[];
  header: Span[][];
  rows: Span[][][];
}

export interface Figure extends Located {
  type: 'figure';
  /** Name of the chart in the template's charts folder. */
  chart: string;
  caption: Span[];
  /** The line under the caption naming where the figures come from, with citations ("Source: …"). */
  source?: Span[];
  /** An authored sentence that leads the alt text computed from the chart's data. */
  alt?: string;
}

export interface Cover extends Located {
  type: 'cover';
  children: Block[];
}

export interface Contents extends Located {
  type: 'toc';
}

/** "Cited on pages 3, 5": the pages citing a source, known at layout time, each a link to the citation. */
export interface CitedBy extends Located {
  type: 'citedBy';
  source: string;
}

export interface PageBreak extends Located {
  type: 'pageBreak';
}

export interface ThematicBreak extends Located {
  type: 'rule';
}

export type Block = Heading | Paragraph | List | BlockQuote | Table | Figure | Cover | Contents | PageBreak | ThematicBreak | CitedBy;
export type BlockType = Block['type'];

/** Every block in reading order, the ones nested in a cover, a quotation or a list item included: the one walker. */
export function* allBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* allBlocks(item);
    else if (block.type === 'blockquote' || block.type === 'cover') yield* allBlocks(block.children);
  }
}

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

/** A chart as drawn for the review: the SVG the layout places, and what is needed to use it elsewhere (the exports). */
export interface RenderedChart {
  /** The chart's name: its spec is `charts/<name>.vl.json` of the template. */
  name: string;
  svg: string;
  /** Size in points. */
  width: number;
  height: number;
  /** Alt text computed from the chart's data. */
  alt: string;
  /** The font files the chart's text is set in (regular, bold), for rasterising it elsewhere. */
  fontFiles: string[];
  /** Where the document first shows the chart: its figure number, caption and source line as plain text. */
  figure?: { number: number; caption: string; source: string; alt?: string };
  /**
   * For one part of a chart drawn in parts (`usermeta.panelsPerFigure`): the chart's name, and the part's first and
   * last panel ("D7", "D12").
   */
  part?: { of: string; panels: string[] };
  /** Vega-Lite and Vega warnings met while drawing it. */
  warnings: Diagnostic[];
}
