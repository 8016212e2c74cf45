// Numbers, money, percentages and dates written the way the review's locale writes them.

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatNumber(value: number, locale = 'en', maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, { maximumFractionDigits }).format(value);
}

const CURRENCY_PREFIX: Record<string, string> = { USD: 'US$', VND: 'VND' };

/** 27.62, "USD", "billion" → "US$27.62 billion" */
export function formatMoney(value: number, currency: string, scale = 'one', locale = 'en'): string {
  const prefix = CURRENCY_PREFIX[currency] ?? `${currency} `;
  const scaleWord = scale === 'one' ? '' : ` ${scale}`;
  return `${prefix}${formatNumber(value, locale)}${scaleWord}`;
}

export function formatPercent(value: number, locale = 'en'): string {
  return `${formatNumber(value, locale, 1)}%`;
}

/** "2026-01-08" → "8 January 2026"; "2026-01" → "January 2026"; "2026" → "2026". */
export function formatDate(iso: string, locale = 'en'): string {
  const [y, m, d] = iso.split('-');
  if (locale === 'vi') {
    if (d && m) return `ngày ${Number(d)} tháng ${Number(m)} năm ${y}`;
    if (m) return `tháng ${Number(m)} năm ${y}`;
    return y ?? iso;
  }
  const month = m ? MONTHS_EN[Number(m) - 1] : undefined;
  return [d ? String(Number(d)) : undefined, month, y].filter(Boolean).join(' ');
}
