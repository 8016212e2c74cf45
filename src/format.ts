// Numbers, money, percentages and dates written the way a locale writes them: digits by Intl (Node ships full
// ICU), date patterns and month names from the template's locale file.

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

const CURRENCY_PREFIX: Record<string, string> = { USD: 'US$', VND: 'VND' };

/** 27.62, "USD", "billion" → "US$27.62 billion" */
export function formatMoney(value: number, currency: string, scale = 'one', intl = 'en-GB'): string {
  const prefix = CURRENCY_PREFIX[currency] ?? `${currency} `;
  const scaleWord = scale === 'one' ? '' : ` ${scale}`;
  return `${prefix}${formatNumber(value, intl)}${scaleWord}`;
}

export function formatPercent(value: number, intl = 'en-GB'): string {
  return `${formatNumber(value, intl, 1)}%`;
}

/** "2026-01-08" → "8 January 2026" (or "ngày 8 tháng 1 năm 2026"); "2026-01" → "January 2026"; "2026" → "2026". */
export function formatDate(iso: string, style: DateStyle): string {
  const [year, m, d] = iso.split('-');
  if (!m || !year) return iso;
  const fill = (pattern: string) =>
    pattern
      .replace(/\{day\}/g, String(Number(d)))
      .replace(/\{month\}/g, String(Number(m)))
      .replace(/\{monthName\}/g, style.months[Number(m) - 1] ?? m)
      .replace(/\{year\}/g, year);
  return d ? fill(style.date) : fill(style.month);
}
