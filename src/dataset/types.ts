// The Dataset: what an analyst writes (YAML files in one folder), after schema validation and normalisation.
// Every string is NFC. Field documentation lives in schema/*.schema.json; keep the two in step.
import type { DeclaredUnit } from '../units/types.js';
import type { HedgeDeclaration } from '../text/hedges.js';
import type { SourcePosition } from '../errors.js';

/** Where a value came from in the dataset files: used by every located message. */
export type { SourcePosition } from '../errors.js';

/**
 * The hedge word a source prints before a figure, exactly as printed ("nearly", "Nearly"), or "none" when the figure
 * is unhedged: a word of the built-in vocabulary or one the dataset declares (src/text/hedges.ts).
 */
export type Hedge = string;

export const SCALES = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const;
export type Scale = keyof typeof SCALES;

/**
 * What a claim's value measures: an ISO 4217 currency code ("EUR"), or the id of a built-in unit ("tonnes") or of one
 * review.yaml declares. src/units/ knows what each is; the dataset stage has checked that it is known.
 */
export type Unit = string;

/** A text in the review's language, or one per locale ({ en: Viet Nam, vi: Việt Nam }). */
export type LocalisedText = string | Readonly<Record<string, string>>;

/** One step of an ordered list the dataset declares (partnership levels, event categories): its id and its name. */
export interface LadderStep {
  id: string;
  label: LocalisedText;
}

/** review.yaml: the report's identity. */
export interface ReviewMeta {
  id: string;
  title: string;
  subtitle?: string;
  /** The year under review, and the baseline year it is compared with. */
  year: number;
  baselineYear?: number;
  /** Hedge words beyond the built-in vocabulary, each with the range of values it allows. */
  hedges?: HedgeDeclaration[];
  organisation: string;
  author: string;
  /** Publication date of the review (ISO yyyy-mm-dd). Also the PDF's creation date: builds never read the clock. */
  date: string;
  /** BCP 47 language tag of the review text, e.g. "en". */
  language: string;
  keywords?: string[];
  description?: string;
  /** Units of measure and counted things the dataset uses beyond the built-in ones (src/units/). */
  units?: DeclaredUnit[];
  /** The country or organisation the review is about, per locale. */
  subject?: LocalisedText;
  /** The levels partnerships.yaml may name, highest first. */
  partnershipLevels?: LadderStep[];
  /** The kinds of event events.yaml may name, in the order charts list them. */
  eventCategories?: LadderStep[];
}

/** sources.yaml: one entry per article. The list order is the citation order ([1], [2], ...). */
export interface Source {
  id: string;
  publisher: string;
  /** A short name where space is tight (chart labels); the publisher when absent. */
  short?: string;
  title: string;
  /** True when the article printed no title and `title` is ours, describing it. */
  titleDescriptive?: boolean;
  /** ISO date as printed (yyyy, yyyy-mm or yyyy-mm-dd); absent when the source is undated. */
  date?: string;
  /** How the date was established: "printed", "inferred" or "undated". */
  dateStatus: 'printed' | 'inferred' | 'undated';
  /** Free text: how an inferred date was inferred, or why none could be. */
  dateNote?: string;
  language: string;
  kind: 'news' | 'broadcaster' | 'government' | 'magazine' | 'other';
  url?: string;
  /** Name of the plain-text copy the quotes are verified against (relative to the --sources folder). */
  file: string;
  /** Free text: our remarks on the source, e.g. how its publisher or title was established. */
  note?: string;
}

/** metrics.yaml: the dictionary of what claims measure. */
export interface Metric {
  id: string;
  label: string;
  unit: Unit;
  description: string;
  /** Shown in the year-on-year headline chart. */
  headline?: boolean;
  /** A subject the metric belongs to (e.g. "investment"); charts gather a topic's metrics by it. */
  topic?: string;
}

/** A claim that relates its value to another period or quantity instead of stating a level. */
export type Relation =
  /** value = metric(period) / metric(base); unit "times". */
  | { type: 'ratio'; base: string }
  /** value = percentage change of metric(period) over metric(base); unit "percent". */
  | { type: 'growth'; base: string }
  /** value = amount added in period to the running total `total` (a metric id); total(period) = total(base) + value. */
  | { type: 'increment'; total: string; base: string };

/** claims.yaml: one quantitative statement of one source. */
export interface Claim {
  id: string;
  source: string;
  metric: string;
  /** yyyy, yyyy-mm, yyyy-mm-dd, or a range "yyyy/yyyy". */
  period: string;
  value: number;
  scale: Scale;
  unit: Unit;
  hedge: Hedge;
  /** The figure exactly as printed, e.g. "US$27.62 billion"; must occur inside `quote`. */
  printed: string;
  /** Verbatim words of the source containing the figure. */
  quote: string;
  /** What the source says the figure covers, when it says (e.g. "comprehensive and strategic partnerships"). */
  scope?: string;
  /** The source's own name for the measure when it differs from the metric's label (e.g. "export turnover"). */
  label?: string;
  relation?: Relation;
  note?: string;
}

/** events.yaml */
export interface ReviewEvent {
  id: string;
  /** As precise as the source allows: yyyy, yyyy-mm or yyyy-mm-dd. */
  date: string;
  title: string;
  /** An id of review.yaml `eventCategories`. */
  category: string;
  place?: string;
  description?: string;
  sources: string[];
  claims?: string[];
}

/** partnerships.yaml */
export interface Partnership {
  partner: string;
  /** An id of review.yaml `partnershipLevels`. */
  level: string;
  /** Year established or upgraded, when a source says. */
  year?: number;
  action?: 'established' | 'upgraded';
  sources: string[];
  note?: string;
}

/** people.yaml */
export interface Person {
  id: string;
  /** The canonical spelling, with every diacritic of its language. */
  name: string;
  role: string;
  /** Spellings the sources use, e.g. "Pham Thu Hang". */
  spellings: string[];
  sources: string[];
}

/** narrative.yaml: the review's prose, in our own words. Markdown; `:cite[claim-or-source-id]` cites. */
export interface NarrativeSection {
  id: string;
  title: string;
  body: string;
}

export interface Dataset {
  /** The folder the dataset was loaded from. */
  dir: string;
  meta: ReviewMeta;
  sources: Source[];
  metrics: Metric[];
  claims: Claim[];
  events: ReviewEvent[];
  partnerships: Partnership[];
  people: Person[];
  narrative: NarrativeSection[];
  /** JSON-pointer-like path ("claims[3].source") → where it stands in the files. */
  positions: ReadonlyMap<string, SourcePosition>;
}
