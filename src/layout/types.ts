// What the layout stage tells about where things landed: plain data, no pdfkit types, so that it can be part of the
// library's public types (BuildResult.layout, BuildResult.places) without its consumers needing pdfkit's declarations.

export interface PlacedHeading {
  id: string;
  text: string;
  depth: number;
  listed: boolean;
  /** 0-based page index. */
  page: number;
}

export type BoxKind = 'line' | 'heading' | 'figure' | 'caption' | 'row' | 'marker' | 'rule' | 'contents' | 'cover';

export interface LayoutBox {
  /** 1-based page number. */
  page: number;
  /** Top-left corner, in points from the page's top left. */
  x: number;
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  /** The text set in the box, words joined by single spaces (lines, headings, captions, contents rows; a table row's first cell). */
  text?: string;
  /** A figure's page in the flow: where the text it follows ended, whether or not it fitted there. */
  anchorPage?: number;
}

/** The page's content box: every box lies inside it. */
export interface ContentBox {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface LayoutResult {
  headings: PlacedHeading[];
  pages: number;
  /** Source id → 1-based page numbers citing it. */
  citedOn: Map<string, number[]>;
  /** 1-based pages on which a table continues, under a repeated header. */
  continuedTables: number[];
  /** Every box placed, in the order drawn (the contents last). */
  boxes: LayoutBox[];
  /** The page's size and the content box inside its margins, in points from the top left. */
  page: ContentBox;
}

/** Where a reader finds each discrepancy and each figure of a built review (placesOf). */
export interface Places {
  /** Each discrepancy whose table row was placed, in the report's order: its id ("D1") and 1-based page. */
  discrepancies: { id: string; page: number }[];
  /** Each figure in the order placed: its number, caption (plain text) and 1-based page. */
  figures: { number: number; caption: string; page: number }[];
}
