// Numbers, percentages and dates written the way a locale writes them: digits by Intl (Node ships full ICU); date
// patterns and month names from the template's locale file, passed in as styles. Money and other units: src/units/.

/** "{day} {monthName}" with { day: "8", … } → "8 January"; a name without a value stays as written. */
export const fillPattern = (pattern: string, values: Readonly<Record<string, string>>): string => pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** How a locale writes dates: patterns with {day}, {month} (number), {monthName}, {year}; month names from January. */
export interface DateStyle {
  date: string;
  month: string;
  months: readonly string[];
}

/**
 * An Intl object (or what one makes) made once per locale and option: making one (ICU's formatter or rules) costs far
 * more than using it, and a review writes thousands of numbers. Intl's objects are pure functions of their arguments.
 */
export function intlOnce<T, O extends string | number = number>(make: (intl: string, option: O) => T): (intl: string, option: O) => T {
  const made = new Map<string, T>();
  return (intl, option) => {
    const key = `${intl}\u0000${option}`;
    let found = made.get(key);
    if (found === undefined) made.set(key, (found = make(intl, option)));
    return found;
  };
}

const numberFormat = intlOnce((intl, maximumFractionDigits) => new Intl.NumberFormat(intl, { maximumFractionDigits }));

const pluralRules = intlOnce((intl, maximumFractionDigits) => new Intl.PluralRules(intl, { maximumFractionDigits }));

const disjunctions = intlOnce((intl) => new Intl.ListFormat(intl, { type: 'disjunction' }));

/** Items as alternatives in `intl`: "2024 or 2023", "2024, 2023 or 2022". */
export const listAlternatives = (items: readonly string[], intl: string): string => disjunctions(intl, 0).format(items);

/** The plural category ("one", "other"…) of `value` written with up to `places` decimals in `intl`. */
export const pluralCategory = (value: number, intl: string, places: number): Intl.LDMLPluralRule => pluralRules(intl, places).select(value);

/** 1234.5 → "1,234.5" in en-GB, "1.234,5" in vi-VN. `intl` is an Intl locale tag. */
export function formatNumber(value: number, intl = 'en-GB', maximumFractionDigits = 2): string {
  return numberFormat(intl, maximumFractionDigits).format(value);
}

export function formatPercent(value: number, intl = 'en-GB'): string {
  return `${formatNumber(value, intl, 1)}%`;
}

/** "2026-01-08" → "8 January 2026" (or "ngày 8 tháng 1 năm 2026"); "2026-01" → "January 2026"; "2026" → "2026". */
export function formatDate(iso: string, style: DateStyle): string {
  const [year, m, d] = iso.split('-');
  if (!m || !year) return iso;
  const values = { day: String(Number(d)), month: String(Number(m)), monthName: style.months[Number(m) - 1] ?? m, year };
  return fillPattern(d ? style.date : style.month, values);
}

/** Text for XML (SVG, XMP): the five characters markup gives a meaning escaped as entities, apostrophe aside. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
