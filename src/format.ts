// Numbers, money, percentages and dates written the way a locale writes them: digits by Intl (Node ships full
// ICU); money and date patterns, month names and scale words from the template's locale file, passed in as styles.

/** "{day} {monthName}" with { day: "8", … } → "8 January"; a name without a value stays as written. */
export const fillPattern = (pattern: string, values: Readonly<Record<string, string>>): string =>
  pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** How a locale writes dates: patterns with {day}, {month} (number), {monthName}, {year}; month names from January. */
export interface DateStyle {
  date: string;
  month: string;
  months: readonly string[];
}

/** 1234.5 → "1,234.5" in en-GB, "1.234,5" in vi-VN. `intl` is an Intl locale tag. */
export function formatNumber(value: number, intl = 'en-GB', maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intl, { maximumFractionDigits }).format(value);
}

/** How a locale writes an amount of money: a pattern and the words for the scales. */
export interface MoneyStyle {
  /** The Intl locale of the digits. */
  intl: string;
  /** With {amount}, {scale} (the scale's word), {symbol} (US$) and {code} (USD): "{symbol}{amount} {scale}". */
  pattern: string;
  /** The word for each scale ("billion" → "tỷ"); a scale without one is written as given. */
  scales: Readonly<Record<string, string | readonly string[]>>;
}

/** Symbols written before an amount; any other currency is written as its code and a space ("EUR 5"). */
const CURRENCY_SYMBOL: Record<string, string> = { USD: 'US$', VND: 'VND' };

/** 27.62, "USD", "billion" → "US$27.62 billion" (en), "27,62 tỷ USD" (vi). */
export function formatMoney(value: number, currency: string, scale: string, style: MoneyStyle): string {
  const word = style.scales[scale];
  const text = fillPattern(style.pattern, {
    amount: formatNumber(value, style.intl),
    scale: scale === 'one' ? '' : typeof word === 'string' ? word : scale,
    symbol: CURRENCY_SYMBOL[currency] ?? `${currency} `,
    code: currency,
  });
  return text.replace(/\s+/g, ' ').trim();
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
