// The Dataset: what an analyst writes (YAML files in one folder), after schema validation and normalisation.
// Every string is NFC. The files' shapes come from their JSON Schemas (schema/*.schema.json), through the types
// generated from them (files.ts); documentation of each field lives there.
import type { SourcePosition } from '../errors.js';
import type { ReviewFile, ClaimsFile, EventsFile, MetricsFile, NarrativeFile, PartnershipsFile, PeopleFile, SourcesFile } from './files.js';

/** Where a value came from in the dataset files: used by every located message. */
export type { SourcePosition } from '../errors.js';

/**
 * The hedge word a source prints before a figure, exactly as printed ("nearly", "Nearly"), or "none" when the figure
 * is unhedged: a word of the built-in vocabulary or one the dataset declares (src/text/hedges.ts).
 */
export type Hedge = string;

export type Scale = Claim['scale'];
/** Each scale word's factor: the compiler holds it to the schema's list of scales. */
export const SCALES = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 } as const satisfies Record<Scale, number>;

/**
 * What a claim's value measures: an ISO 4217 currency code ("EUR"), or the id of a built-in unit ("tonnes") or of one
 * review.yaml declares. src/units/ knows what each is; the dataset stage has checked that it is known.
 */
export type Unit = string;

/** A text in the review's language, or one per locale ({ en: Viet Nam, vi: Việt Nam }). */
export type LocalisedText = string | Readonly<Record<string, string>>;

/** One step of an ordered list the dataset declares (partnership levels, event categories): its id and its name. */
export type LadderStep = NonNullable<ReviewFile['partnershipLevels']>[number];

/** review.yaml: the report's identity. */
export type ReviewMeta = ReviewFile;

/** sources.yaml: one entry per article. The list order is the citation order ([1], [2], ...). */
export type Source = SourcesFile['sources'][number];

/** metrics.yaml: the dictionary of what claims measure. */
export type Metric = MetricsFile['metrics'][number];

/** claims.yaml: one quantitative statement of one source. */
export type Claim = ClaimsFile['claims'][number];

/** events.yaml */
export type ReviewEvent = EventsFile['events'][number];

/** partnerships.yaml */
export type Partnership = PartnershipsFile['partnerships'][number];

/** people.yaml */
export type Person = PeopleFile['people'][number];

/** narrative.yaml: the review's prose, in our own words. Markdown; `:cite[claim-or-source-id]` cites. */
export type NarrativeSection = NarrativeFile['sections'][number];

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
