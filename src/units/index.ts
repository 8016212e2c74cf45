// The one place that knows what a unit is. A unit is an ISO 4217 currency code ("EUR"), a built-in unit of measure
// or counted thing ("tonnes", "km", "persons"; builtin.ts), or a unit the dataset declares in review.yaml `units:`.
// Every stage asks this module: the dataset checks (known? compatible with the metric's?), the discrepancy engine
// (whole? non-negative? converted to the metric's unit), the template's money helper, the chart rows (the unit's word
// in a panel title), table alignment (does a cell hold a figure?) and `extract` (which marks name a unit).
import { SCALES, type Scale } from '../dataset/types.js';
import { fillPattern, formatNumber, pluralCategory } from '../text/format.js';
import { closest } from '../text/suggest.js';
import { BUILTIN_UNITS } from './builtin.js';
import { CURRENCIES, currencyMarks, currencySymbol, isCurrency } from './currency.js';
import type { DeclaredUnit, MoneyStyle, PluralPattern, UnitDefinition, WrittenForms } from './types.js';

export type { DeclaredUnit, MoneyStyle, UnitDefinition, WrittenForms } from './types.js';
export { isCurrency } from './currency.js';

/** A dataset's units: the built-in ones, every currency, and those its review.yaml declares. */
export interface Units {
  /** The unit an id or alias names ("kilometres" → km); undefined when none does. */
  find(name: string): UnitDefinition | undefined;
  /** The unit `name` names; an unknown name is a programming error here (the dataset stage has reported it). */
  get(name: string): UnitDefinition;
  /** The closest known name to a misspelt one ("tonns" → "tonnes", "eur" → "EUR"). */
  suggest(name: string): string | undefined;
  /** True when figures in `a` and `b` can be compared after conversion (same dimension). */
  comparable(a: string, b: string): boolean;
  /** A value in unit `from` expressed in unit `to` (both of one dimension). */
  convert(value: number, from: string, to: string): number;
  /**
   * A computed figure written readably in the style's locale: 1.4e11 USD → "US$140 billion" (en),
   * "140 tỷ USD" (vi); 7.9e6 tonnes → "7.9 million tonnes"; 38 embassies → "38 embassies"; 2.06 times → "2.06 times".
   */
  write(value: number, unit: string, style: MoneyStyle, digits?: number): string;
  /** The unit's word where a title names it beside a scale word: "USD", "tonnes", "lần", "%"; "" for plain counts. */
  caption(unit: string, intl: string): string;
}

/** How the engine writes figures while its sentences are English: the English locale's money pattern and scales. */
export const ENGLISH: MoneyStyle = {
  intl: 'en-GB',
  pattern: '{symbol}{amount} {scale}',
  scales: { thousand: 'thousand', million: 'million', billion: 'billion', trillion: 'trillion' },
};

/** 27.62, "USD", "billion" → "US$27.62 billion" (en), "27,62 tỷ USD" (vi); "€5 million" (en), "5 triệu EUR" (vi). */
export function formatMoney(value: number, currency: string, scale: string, style: MoneyStyle, digits = 2): string {
  const word = style.scales[scale];
  const text = fillPattern(style.pattern, {
    amount: formatNumber(value, style.intl, digits),
    scale: scale === 'one' ? '' : typeof word === 'string' ? word : scale,
    symbol: currencySymbol(currency, style.intl),
    code: currency,
  });
  return text.replace(/\s+/g, ' ').trim();
}

const currencyUnit = (code: string): UnitDefinition => ({
  id: code,
  kind: 'currency',
  dimension: `currency:${code}`,
  factor: 1,
  whole: false,
  nonNegative: true,
  aliases: [],
  forms: {},
  words: [],
});

/** A declared unit's noun per locale as patterns: { en: { one: embassy, other: embassies } } → "{amount} embassy"… */
function declaredForms(label: DeclaredUnit['label'], language: string): WrittenForms {
  const withAmount = (text: string) => `{amount} ${text}`;
  if (typeof label === 'string') return { [language]: withAmount(label) };
  // The dataset's language first: a locale the label lacks falls back to it, then to the first entry.
  const entries = Object.entries(label).sort(([a], [b]) => (a === language ? -1 : b === language ? 1 : 0));
  return Object.fromEntries(
    entries.map(([locale, text]) => [locale, typeof text === 'string' ? withAmount(text) : (Object.fromEntries(Object.entries(text).map(([k, v]) => [k, withAmount(v)])) as PluralPattern)]),
  );
}

/** A declared unit, of the kind of the unit it equals (its `base`), or a kind of its own. */
function declaredUnit(d: DeclaredUnit, base: UnitDefinition | undefined, language: string): UnitDefinition {
  return {
    id: d.id,
    kind: 'declared',
    dimension: base ? base.dimension : `declared:${d.id}`,
    factor: base && d.equals ? d.equals.value * base.factor : 1,
    whole: d.whole ?? true,
    nonNegative: true,
    aliases: d.aliases ?? [],
    forms: declaredForms(d.label, language),
    words: [],
  };
}

/** The units a review may use: built-in and currencies, plus `declared` (review.yaml), whose labels default to `language`. */
export function unitCatalogue(declared: readonly DeclaredUnit[] = [], language = 'en'): Units {
  const byName = new Map<string, UnitDefinition>();
  const add = (u: UnitDefinition) => {
    for (const name of [u.id, ...u.aliases]) if (!byName.has(name)) byName.set(name, u);
  };
  BUILTIN_UNITS.forEach(add);
  const own = declared.filter((d) => !byName.has(d.id) && !isCurrency(d.id));
  // A unit may equal one declared after it ("cargoes" of 2 "wagons"): resolve the bases first, each once.
  const bases = new Map<string, UnitDefinition | undefined>();
  const baseOf = (d: DeclaredUnit, seen: ReadonlySet<string>): UnitDefinition | undefined => {
    if (!d.equals) return undefined;
    if (bases.has(d.id)) return bases.get(d.id);
    const target = d.equals.unit;
    const other = own.find((o) => o.id === target || o.aliases?.includes(target));
    let base: UnitDefinition | undefined;
    // A circle of units equalling each other is cut where it closes: that unit is of a kind of its own.
    if (other) base = seen.has(other.id) ? undefined : declaredUnit(other, baseOf(other, new Set([...seen, d.id])), language);
    else base = byName.get(target) ?? (isCurrency(target) ? currencyUnit(target) : undefined);
    bases.set(d.id, base);
    return base;
  };
  // Built-in and earlier names win: the dataset stage reports the clash.
  for (const d of own) add(declaredUnit(d, baseOf(d, new Set()), language));
  const find = (name: string) => byName.get(name) ?? (isCurrency(name) ? currencyUnit(name) : undefined);
  const get = (name: string) => {
    const unit = find(name);
    if (!unit) throw new Error(`unknown unit "${name}"`);
    return unit;
  };
  return {
    find,
    get,
    // An id before an alias ("tonnes", not "tonne"), a currency code in capitals ("eur" → "EUR").
    suggest: (name) => (isCurrency(name.toUpperCase()) ? name.toUpperCase() : (closest(name, [...new Set([...byName.values()].map((u) => u.id)), ...CURRENCIES]) ?? closest(name, byName.keys()))),
    comparable: (a, b) => get(a).dimension === get(b).dimension,
    convert: (value, from, to) => {
      const f = get(from);
      const t = get(to);
      if (f.dimension !== t.dimension) throw new Error(`unit "${from}" does not convert to "${to}"`);
      return f === t ? value : (value * f.factor) / t.factor;
    },
    write: (value, name, style, digits = 2) => write(get(name), value, style, digits),
    caption: (name, intl) => {
      const unit = get(name);
      if (unit.kind === 'currency') return unit.id;
      return pattern(unit, intl, 'other').replace('{amount}', '').trim();
    },
  };
}

/** The scales a computed figure may be written in, largest first ("140 billion", never "140,000 million"). */
const WRITTEN_SCALES = (['trillion', 'billion', 'million'] as const satisfies readonly Scale[]).map((s) => [s, SCALES[s]] as const);

/** The language of an Intl tag: "vi-VN" → "vi". */
const languages = new Map<string, string>();
const languageOf = (intl: string) => {
  let language = languages.get(intl);
  if (language === undefined) {
    try {
      language = new Intl.Locale(intl).language;
    } catch {
      language = intl;
    }
    languages.set(intl, language);
  }
  return language;
};

/** The unit's pattern for a locale and plural category: the locale's own forms, else the first entry's. */
function pattern(unit: UnitDefinition, intl: string, category: Intl.LDMLPluralRule): string {
  const forms = unit.forms[languageOf(intl)] ?? Object.values(unit.forms)[0] ?? '{amount}';
  return typeof forms === 'string' ? forms : (forms[category] ?? forms.other);
}

function write(unit: UnitDefinition, value: number, style: MoneyStyle, digits: number): string {
  const [scale, factor] = WRITTEN_SCALES.find(([, f]) => Math.abs(value) >= f) ?? ['one', 1];
  if (unit.kind === 'currency') return formatMoney(value / factor, unit.id, scale, style, digits);
  const places = scale === 'one' && unit.whole ? 0 : digits;
  const word = style.scales[scale];
  const amount = formatNumber(value / factor, style.intl, places) + (scale === 'one' ? '' : ` ${typeof word === 'string' ? word : scale}`);
  // With a scale word the figure is large ("1 million tonnes" is plural); without, the digits as printed decide.
  const category = pluralCategory(value, style.intl, places);
  return fillPattern(pattern(unit, style.intl, category), { amount });
}

/** The ids of the built-in units, in the order of builtin.ts. */
export const builtinUnitIds = (): string[] => BUILTIN_UNITS.map((u) => u.id);

/** The built-in units and every currency, for code that has no dataset (a table cell, an article's sentence). */
export const BUILTIN: Units = unitCatalogue();

const catalogues = new WeakMap<object, Units>();

/** The units of a dataset (its review.yaml `units:` over the built-in ones), built once per dataset. */
export function unitsOf(dataset: { meta?: { units?: readonly DeclaredUnit[]; language?: string } }): Units {
  const declared = dataset.meta?.units;
  if (!declared?.length) return BUILTIN;
  let units = catalogues.get(declared);
  if (!units) {
    units = unitCatalogue(declared, dataset.meta?.language ? languageOf(dataset.meta.language) : 'en');
    catalogues.set(declared, units);
  }
  return units;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternatives of a regular expression, longest first so that "US$" wins over "$". */
export const alternatives = (marks: Iterable<string>) =>
  [...new Set(marks)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|');

/**
 * The marks sources print with figures, for reading them (`extract`): currency marks before an amount ("US$",
 * "€", "EUR "), and words after one ("euros", "USD", "per cent", "kilometres", "tonnes"), each with its unit.
 */
export interface UnitMarks {
  before: ReadonlyMap<string, string>;
  after: ReadonlyMap<string, string>;
}

let marks: UnitMarks | undefined;

/** What a source prints after a figure in a built-in unit ("tonnes", "kilometres", "per cent"), with the unit's id. */
function builtinWords(): Map<string, string> {
  const words = new Map<string, string>();
  for (const unit of BUILTIN_UNITS) {
    if (unit.id === 'count') continue;
    const en = unit.forms.en ?? '{amount}';
    const patterns = typeof en === 'string' ? [en] : Object.values(en);
    const written = [...patterns.map((p) => p.replace('{amount}', '').trim()), ...unit.aliases.map((a) => a.replace(/-/g, ' ')), ...unit.words];
    // One-letter marks ("t", "m") are too often something else.
    for (const word of written) if (word.length > 1 || /\P{L}/u.test(word)) words.set(word, unit.id);
  }
  return words;
}

/** The English marks of every currency and built-in unit (plain counts have none). */
export function unitMarks(): UnitMarks {
  if (!marks) {
    const { before, after } = currencyMarks();
    for (const [word, id] of builtinWords()) after.set(word, id);
    marks = { before, after };
  }
  return marks;
}

/** What may stand before a figure's mark or digits: signs, comparisons and white space. */
const LEAD = String.raw`[\s\-\u2013+~\u2248<>]*`;
const leadOf = new RegExp(`^${LEAD}`, 'u');

/** The marks a table prints before a figure: "$", every code, and every English symbol that is not a plain word. */
export function marksBefore(): string[] {
  const symbols = [...CURRENCIES].map((code) => currencySymbol(code, 'en-GB').trim()).filter((m) => /\P{L}/u.test(m));
  return ['$', ...symbols, ...CURRENCIES];
}

/** A figure's digits and what a table prints after them: a scale word, then a code or unit word ("350 km"). */
let digitsAndAfter: string | undefined;
const figureEnd = () => {
  const scales = ['thousand', 'million', 'billion', 'trillion', 'bn', 'mn'];
  return (digitsAndAfter ??= String.raw`[\d.,]+\s*(?:${alternatives(scales)})?\s*(?:${alternatives(['\u00D7', 'x', ...CURRENCIES, ...builtinWords().keys()])})?\s*$`);
};

/** A figure cell with a mark before it, and one that begins with its digits. */
let markedCell: RegExp | undefined;
let bareCell: RegExp | undefined;

/**
 * True when a text is one figure with its marks ("US$27.62 billion", "€5 million", "12%", "350 km", "≈ 2.5×"):
 * a table column of such cells is set right-aligned. A text whose digits come first (after signs) is read without the
 * marks before a figure, since none of those begins with a digit, a point, a comma or a sign (tests/units): the
 * symbols of every currency, which Intl gives one by one, are listed only for a cell that might begin with one.
 */
export function isFigureText(text: string): boolean {
  const lead = leadOf.exec(text)![0].length;
  if (/[\d.,]/.test(text[lead] ?? '')) return (bareCell ??= new RegExp(`^${figureEnd()}`, 'iu')).test(text.slice(lead));
  return (markedCell ??= new RegExp(`^${LEAD}(?:${alternatives(marksBefore())})?\\s*${figureEnd()}`, 'iu')).test(text);
}
