// The Review: the dataset plus everything computed from it. Built once by the analysis stage, read by all later ones.
import type { DiscrepancyReport } from './analysis/types.js';
import type { Claim, Dataset, Source } from './dataset/types.js';

/** One row of a chart dataset: plain JSON values only. */
export type ChartRow = Record<string, string | number | boolean | null>;

export interface Citation {
  /** The citation number printed as [n]: the source's position in sources.yaml, from 1. */
  number: number;
  source: Source;
  /** Present when the citation names a claim rather than a whole source. */
  claim?: Claim;
  /**
   * The claim's printed figure cased for where it stands: `start` begins a sentence ("Nearly 350"), `within` stands
   * inside one ("nearly 350", but "Marennese diaspora" keeps its capital). Present with `claim`.
   */
  figure?: { start: string; within: string };
}

export interface Review {
  dataset: Dataset;
  discrepancies: DiscrepancyReport;
  /** Resolves a claim or source id to its citation; undefined for unknown ids (the loader has rejected those). */
  cite(id: string): Citation | undefined;
  /** Named datasets the charts read, derived from the claims (never copied by hand). */
  chartData: Record<string, ChartRow[]>;
}
