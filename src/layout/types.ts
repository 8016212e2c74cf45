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

/** A thing a reader looks for, and the page it landed on: a figure, or a row of a table. */
export interface Landmark {
  kind: 'figure' | 'row';
  /** A figure's number ("3"); a table row's label, the plain text of its first cell. */
  name: string;
  /** A figure's caption as plain text; absent for rows. */
  text?: string;
  /** 1-based page. */
  page: number;
}

export interface LayoutResult {
  headings: PlacedHeading[];
  pages: number;
  /** Source id → 1-based page numbers citing it. */
  citedOn: Map<string, number[]>;
  /** 1-based pages on which a table continues, under a repeated header. */
  continuedTables: number[];
  /** Each figure and each table body row, in the order placed. */
  landmarks: Landmark[];
}

/** Where a reader finds each discrepancy and each figure of a built review (placesOf). */
export interface Places {
  /** Each discrepancy whose table row was placed, in the report's order: its id ("D1") and 1-based page. */
  discrepancies: { id: string; page: number }[];
  /** Each figure in the order placed: its number, caption (plain text) and 1-based page. */
  figures: { number: number; caption: string; page: number }[];
}
