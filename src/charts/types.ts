// Types crossing the chart stage's boundary: what the pipeline hands in and what the layout stage gets back.
import type { RenderedChart } from '../document.js';

export interface ChartTheme {
  /** Font family names as written into the SVG; the PDF stage maps them to registered fonts. */
  fontFamily: string;
  /** Absolute paths of the TTF files the chart text is measured with. */
  fonts: { regular: string; bold: string };
  /** Base label size in pt. */
  fontSize: number;
  titleFontSize: number;
  /** Categorical palette, readable in greyscale and by colour-blind readers. */
  colors: string[];
  textColor: string;
  gridColor: string;
  /** Default: transparent. */
  background?: string;
  /** Default chart width in pt (the text column width). */
  width: number;
  /**
   * How axes write numbers, months and days; English when absent. Days are named as Intl names them in `intl`, when a
   * chart is drawn (`icu` is the version of the data it names them from, so that a kept chart drawn with other names
   * is not read back).
   */
  locale?: { intl: string; icu: string; decimal: string; thousands: string; months: string[]; shortMonths: string[] };
}

export interface ChartInput {
  /** E.g. "year-on-year"; used in messages. */
  name: string;
  /** The spec's file, for located messages. */
  file?: string;
  /** The spec's JSON text as the file holds it, for the line and column of what a message is about. */
  source?: string;
  /** A Vega-Lite spec whose data are `{"name": "<dataset>"}` references. */
  spec: object;
  /** Named datasets supplied by the pipeline. */
  data: Record<string, readonly object[]>;
}

/** What drawing gives: the chart stage adds the alt text, the font files and the figure to make a RenderedChart. */
export type DrawnChart = Pick<RenderedChart, 'name' | 'svg' | 'width' | 'height' | 'warnings'>;
