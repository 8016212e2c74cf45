// What a unit is, as every stage sees it: a currency, a built-in unit or one a dataset declares.

/** A pattern with {amount}, or one per plural category of the locale ("one", "other", …; Intl.PluralRules). */
export type PluralPattern = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { other: string });

/** Written forms by locale ("en", "vi"): how a figure in the unit is written, "{amount} tonnes". */
export type WrittenForms = Readonly<Record<string, PluralPattern>>;

export interface UnitDefinition {
  /** The id a dataset writes: "EUR", "tonnes", "embassies". */
  id: string;
  /** Money in an ISO 4217 currency, a built-in unit, or a unit the dataset declares. */
  kind: 'currency' | 'measure' | 'declared';
  /**
   * What the unit measures: units of one dimension compare after conversion ("mass": kg, tonnes). A currency is its
   * own dimension (no exchange rates); so is every declared unit that says nothing else.
   */
  dimension: string;
  /** A value in this unit times `factor` is the value in the dimension's base. */
  factor: number;
  /** Counts of whole things: an interval of them holds only whole numbers. */
  whole: boolean;
  /** Quantities that cannot fall below zero: "up to 5" then means 0 to 5. */
  nonNegative: boolean;
  /** Other names a dataset may write for the unit ("kilometres" for km); they are normalised to the id. */
  aliases: readonly string[];
  /** Written forms per locale; a currency has none (it is written through Intl and the locale's money pattern). */
  forms: WrittenForms;
  /** Further words a source may print after a figure in the unit, for `extract`. */
  words: readonly string[];
}

/** A unit as review.yaml `units:` declares it (schema/review.schema.json#/$defs/declaredUnit). */
export interface DeclaredUnit {
  id: string;
  /** The unit's noun per locale: one text, or its plural forms ({ one: embassy, other: embassies }). */
  label: string | Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  aliases?: string[];
  /** One of the unit is this many of another unit (built-in or declared): it then compares with that unit's kind. */
  equals?: { value: number; unit: string };
  /** False for a unit of measure that takes fractions; counted things (the default) are whole. */
  whole?: boolean;
}

/** How a locale writes an amount of money, and the words for the scales (from the template's locale file). */
export interface MoneyStyle {
  /** The Intl locale of the digits, plural rules and currency symbols: "en-GB", "vi-VN". */
  intl: string;
  /** With {amount}, {scale} (the scale's word), {symbol} ("US$", "€", as Intl writes it there) and {code} ("USD"). */
  pattern: string;
  /** The word for each scale ("billion" → "tỷ"); a scale without one is written as given. */
  scales: Readonly<Record<string, string | readonly string[]>>;
}
