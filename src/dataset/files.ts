// Generated from schema/*.schema.json by scripts/schema-types.mjs (npm run schema-types): do not edit. The schemas
// are the one source of the dataset files' shapes; src/dataset/types.ts builds the Dataset's types from these.

/**
 * The levels of partnership partnerships.yaml may name, highest first; charts and tables order them so. Required when the dataset has partnerships.
 * 
 * @minItems 1
 * 
 * Items: One step of the list: its id, as the data files write it, and its name in each locale.
 */
export type Ladder = [{
/**
 * The id the data files write (e.g. "strategic").
 */
id: string
/**
 * Its name, as charts and tables print it.
 */
label: (string | {
/**
 * Non-empty text.
 */
[k: string]: string
})
}, ...({
/**
 * The id the data files write (e.g. "strategic").
 */
id: string
/**
 * Its name, as charts and tables print it.
 */
label: (string | {
/**
 * Non-empty text.
 */
[k: string]: string
})
})[]]
/**
 * The kinds of event events.yaml may name, in the order charts list them. Required when the dataset has events.
 * 
 * @minItems 1
 * 
 * Items: One step of the list: its id, as the data files write it, and its name in each locale.
 */
export type Ladder1 = [{
/**
 * The id the data files write (e.g. "strategic").
 */
id: string
/**
 * Its name, as charts and tables print it.
 */
label: (string | {
/**
 * Non-empty text.
 */
[k: string]: string
})
}, ...({
/**
 * The id the data files write (e.g. "strategic").
 */
id: string
/**
 * Its name, as charts and tables print it.
 */
label: (string | {
/**
 * Non-empty text.
 */
[k: string]: string
})
})[]]
/**
 * Ids of the sources that report the event.
 * 
 * @minItems 1
 * 
 * Items: An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
export type SourceRefs = [string, ...(string)[]]
/**
 * Ids of the sources that name the partnership.
 * 
 * @minItems 1
 * 
 * Items: An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
export type SourceRefs1 = [string, ...(string)[]]
/**
 * Ids of the sources that name the person.
 * 
 * @minItems 1
 * 
 * Items: An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
export type SourceRefs2 = [string, ...(string)[]]

export interface DatasetFiles {
review: ReviewFile
sources: SourcesFile
metrics: MetricsFile
claims: ClaimsFile
events: EventsFile
partnerships: PartnershipsFile
people: PeopleFile
narrative: NarrativeFile
}
/**
 * The review's identity: the whole file is this one object.
 */
export interface ReviewFile {
/**
 * Identifier of the review; the PDF is written as output/<id>.pdf.
 */
id: string
/**
 * Title of the review, on the cover and in the PDF metadata.
 */
title: string
/**
 * Subtitle on the cover.
 */
subtitle?: string
/**
 * The year under review.
 */
year: number
/**
 * The year the review compares with, usually the year before.
 */
baselineYear?: number
/**
 * Hedge words the sources print beyond the built-in vocabulary (docs/discrepancies.md lists it), each with the range of values it allows.
 */
hedges?: HedgeDeclaration[]
/**
 * Who publishes the review.
 */
organisation: string
/**
 * Author named on the cover and in the PDF metadata.
 */
author: string
/**
 * Publication date of the review, yyyy-mm-dd. It is also the PDF's creation date: builds never read the clock.
 */
date: string
/**
 * Language of the review text (BCP 47), e.g. "en".
 */
language: string
/**
 * Keywords for the PDF metadata.
 * 
 * Items: One keyword.
 */
keywords?: string[]
/**
 * One sentence describing the review, for the PDF metadata.
 */
description?: string
/**
 * The country or organisation the review is about, as the template's sentences name it, in each locale (e.g. {en: Viet Nam, vi: Việt Nam}). Without it the template's sentences name no subject.
 */
subject?: (string | {
/**
 * Non-empty text.
 */
[k: string]: string
})
partnershipLevels?: Ladder
eventCategories?: Ladder1
/**
 * Units of measure and counted things the dataset uses beyond the built-in ones (docs/dataset.md, Units). Claims and metrics name them by id.
 * 
 * Items: One unit: its id, its noun in each locale, and optionally other names and what one of it equals.
 */
units?: {
/**
 * The id claims and metrics write as their unit: lower-case letters, digits and hyphens (e.g. "embassies").
 */
id: string
/**
 * The unit's noun: one text for every locale, or a map from locale (en, vi, …) to a text or to its plural forms ({one: embassy, other: embassies}; the categories of Intl.PluralRules). A locale the map lacks uses the review's language, then the first entry.
 */
label: (string | {
[k: string]: string | {
/**
 * Non-empty text.
 */
zero?: string
/**
 * Non-empty text.
 */
one?: string
/**
 * Non-empty text.
 */
two?: string
/**
 * Non-empty text.
 */
few?: string
/**
 * Non-empty text.
 */
many?: string
/**
 * Non-empty text.
 */
other: string
}
})
/**
 * Other ids a claim or metric may write for this unit; they are read as the id.
 * 
 * Items: Non-empty text.
 */
aliases?: string[]
/**
 * One of this unit is `value` of `unit` (a built-in, declared or currency unit): figures in the two are then compared after conversion.
 */
equals?: {
value: number
/**
 * What the value measures: a currency as its ISO 4217 code in capitals (EUR, USD, JPY, VND), or the id of a built-in unit (count, percent, percentage-points, times, magnitude, minutes, hours, days, weeks, months, years, m, km, miles, hectares, km2, kg, tonnes, litres, barrels, kwh, mwh, gwh, mw, gw, teu, persons) or of a unit declared in review.yaml units, in lower case. Aliases (kilometres, tonne, people) are read as the unit they name. See docs/dataset.md.
 */
unit: string
}
/**
 * Whether the unit counts whole things (figures in it are whole numbers). Default: true; a unit of measure that takes fractions says false.
 */
whole?: boolean
}[]
}
/**
 * A hedge word the dataset's sources use beyond the built-in vocabulary, with the range of values it allows around the printed figure v.
 */
export interface HedgeDeclaration {
/**
 * The word as claims record it ("give or take"); compared without regard to case.
 */
word: string
/**
 * Where the value lies: around v, below it or above it, and how far.
 */
meaning: {
/**
 * around: within v ± band; below: under v by at most band; above: over v by at most band.
 */
side: ("around" | "below" | "above")
/**
 * How far from the figure the value may lie: a fraction of it, the name of one of the engine's tolerances, or unbounded.
 */
band: (number | ("approximate" | "nearly" | "over" | "unbounded"))
/**
 * For below and above: whether the figure itself is allowed ("at least 5" allows 5, "over 5" does not). Default false.
 */
inclusive?: boolean
}
}
/**
 * The sources, in citation order: the first is cited as [1].
 */
export interface SourcesFile {
/**
 * The sources, in citation order: the first is cited as [1].
 * 
 * Items: One source: one article.
 */
sources: {
/**
 * Identifier claims and citations use for the source.
 */
id: string
/**
 * Non-empty text.
 */
publisher: string
/**
 * Non-empty text.
 */
short?: string
/**
 * Non-empty text.
 */
title: string
/**
 * True when the article printed no title and `title` is ours, describing it.
 */
titleDescriptive?: boolean
/**
 * Publication date as printed or inferred: yyyy, yyyy-mm or yyyy-mm-dd. Omit when undated.
 */
date?: string
/**
 * How the date was established: printed in the article, inferred from its content (say how in `dateNote`), or undated.
 */
dateStatus: ("printed" | "inferred" | "undated")
/**
 * Non-empty text.
 */
dateNote?: string
/**
 * Language of the article (BCP 47).
 */
language: string
/**
 * The kind of publication: news, broadcaster, government, magazine or other.
 */
kind: ("news" | "broadcaster" | "government" | "magazine" | "other")
/**
 * Where the article was published, when known.
 */
url?: string
/**
 * Non-empty text.
 */
file: string
/**
 * Non-empty text.
 */
note?: string
}[]
}
/**
 * The dictionary of measures claims refer to.
 */
export interface MetricsFile {
/**
 * The dictionary of measures claims refer to.
 * 
 * Items: One measure.
 */
metrics: {
/**
 * Identifier claims use as their `metric`.
 */
id: string
/**
 * Non-empty text.
 */
label: string
/**
 * What the value measures: a currency as its ISO 4217 code in capitals (EUR, USD, JPY, VND), or the id of a built-in unit (count, percent, percentage-points, times, magnitude, minutes, hours, days, weeks, months, years, m, km, miles, hectares, km2, kg, tonnes, litres, barrels, kwh, mwh, gwh, mw, gw, teu, persons) or of a unit declared in review.yaml units, in lower case. Aliases (kilometres, tonne, people) are read as the unit they name. See docs/dataset.md.
 */
unit: string
/**
 * Non-empty text.
 */
description: string
/**
 * True to show this metric in the year-on-year headline chart and table.
 */
headline?: boolean
/**
 * A subject the metric belongs to, e.g. "investment": charts gather a topic's metrics by it (the built-in investment chart shows the metrics of topic "investment").
 */
topic?: string
}[]
}
/**
 * Every quantitative statement in the sources' article bodies, one entry per figure per source.
 */
export interface ClaimsFile {
/**
 * Every quantitative statement in the sources' article bodies, one entry per figure per source.
 * 
 * Items: One quantitative statement of one source.
 */
claims: {
/**
 * Identifier of the claim, used by :cite[…] and :fig[…]; by convention <source-short>-<metric>.
 */
id: string
/**
 * Id of the source (sources.yaml) that states the figure.
 */
source: string
/**
 * Id of the metric (metrics.yaml) the figure measures.
 */
metric: string
/**
 * The period the figure covers: yyyy, yyyy-mm, yyyy-mm-dd, or a range yyyy/yyyy.
 */
period: string
/**
 * The number as printed, before its scale: 27.62 for "US$27.62 billion", 7 for "seven".
 */
value: number
/**
 * The scale word printed with the figure; "one" when there is none.
 */
scale: ("one" | "thousand" | "million" | "billion" | "trillion")
/**
 * What the value measures: a currency as its ISO 4217 code in capitals (EUR, USD, JPY, VND), or the id of a built-in unit (count, percent, percentage-points, times, magnitude, minutes, hours, days, weeks, months, years, m, km, miles, hectares, km2, kg, tonnes, litres, barrels, kwh, mwh, gwh, mw, gw, teu, persons) or of a unit declared in review.yaml units, in lower case. Aliases (kilometres, tonne, people) are read as the unit they name. See docs/dataset.md.
 */
unit: string
/**
 * The hedge word printed before the figure, or "none".
 */
hedge: string
/**
 * Non-empty text.
 */
printed: string
/**
 * Non-empty text.
 */
quote: string
/**
 * Non-empty text.
 */
scope?: string
/**
 * Non-empty text.
 */
label?: string
/**
 * Set when the claim relates its value to another period instead of stating a level, so that the relation can be checked.
 */
relation?: ({
/**
 * value = metric(period) / metric(base); unit "times".
 */
type: "ratio"
/**
 * The period the figure is compared with (e.g. "2024" for "2.5 times the previous year").
 */
base: string
} | {
/**
 * value = percentage change of metric(period) over metric(base); unit "percent".
 */
type: "growth"
/**
 * The period the figure is compared with (e.g. "2024" for "2.5 times the previous year").
 */
base: string
} | {
/**
 * value = amount added in period to a running total: total(period) = total(base) + value.
 */
type: "increment"
/**
 * Id of the metric holding the running total.
 */
total: string
/**
 * The period the figure is compared with (e.g. "2024" for "2.5 times the previous year").
 */
base: string
})
/**
 * Non-empty text.
 */
note?: string
}[]
}
/**
 * Events the sources report, dated as precisely as they allow.
 */
export interface EventsFile {
/**
 * Events the sources report, dated as precisely as they allow.
 * 
 * Items: One event.
 */
events: {
/**
 * Identifier of the event.
 */
id: string
/**
 * When it happened, as precisely as the sources allow: yyyy, yyyy-mm or yyyy-mm-dd.
 */
date: string
/**
 * Non-empty text.
 */
title: string
/**
 * The kind of event: an id of `eventCategories` in review.yaml.
 */
category: string
/**
 * Non-empty text.
 */
place?: string
/**
 * Non-empty text.
 */
description?: string
sources: SourceRefs
/**
 * Ids of the claims (claims.yaml) about the event.
 * 
 * Items: An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
claims?: string[]
}[]
}
/**
 * The partnerships the sources name, with their level.
 */
export interface PartnershipsFile {
/**
 * The partnerships the sources name, with their level.
 * 
 * Items: One partnership.
 */
partnerships: {
/**
 * Non-empty text.
 */
partner: string
/**
 * An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
level: string
/**
 * Year the partnership was established or upgraded to this level, when a source says.
 */
year?: number
/**
 * What happened in `year`: the partnership was established, or upgraded to this level.
 */
action?: ("established" | "upgraded")
sources: SourceRefs1
/**
 * Non-empty text.
 */
note?: string
}[]
}
/**
 * People named in the sources, under one canonical spelling.
 */
export interface PeopleFile {
/**
 * People named in the sources, under one canonical spelling.
 * 
 * Items: One person.
 */
people: {
/**
 * An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
id: string
/**
 * Non-empty text.
 */
name: string
/**
 * Non-empty text.
 */
role: string
/**
 * Every spelling the sources use, including short forms (e.g. "Pham Thu Hang", "Hằng").
 * 
 * Items: Non-empty text.
 */
spellings: string[]
sources: SourceRefs2
}[]
}
/**
 * The narrative sections, in reading order.
 */
export interface NarrativeFile {
/**
 * The narrative sections, in reading order.
 * 
 * Items: One section.
 */
sections: {
/**
 * An identifier: lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "et-trade").
 */
id: string
/**
 * Non-empty text.
 */
title: string
/**
 * Non-empty text.
 */
body: string
}[]
}
