// Currencies: any ISO 4217 code Node's ICU knows, written with the symbol or code each locale uses (Intl).

/** Every ISO 4217 code Intl supports, in capitals. */
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string) => CURRENCIES.has(code);

const symbols = new Map<string, string>();

/**
 * The currency's mark as `intl` writes it before an amount ("US$", "€", "JP¥"; "CHF " with the space Intl puts
 * between a code-like mark and the digits). A locale that writes the mark after the amount gets it without space.
 */
export function currencySymbol(code: string, intl: string): string {
  const key = `${intl}\u0000${code}`;
  let symbol = symbols.get(key);
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat(intl, { style: 'currency', currency: code }).formatToParts(1);
    const at = parts.findIndex((p) => p.type === 'currency');
    const mark = parts[at]?.value ?? code;
    const next = parts[at + 1];
    // Intl's spacing between mark and digits is a no-break space: printed as an ordinary one.
    symbol = at === 0 && next?.type === 'literal' && /^\s+$/.test(next.value) ? `${mark} ` : mark;
    symbols.set(key, symbol);
  }
  return symbol;
}

/**
 * Marks a source may print with an amount, and the currency each stands for. Before an amount: every code and its
 * English symbol ("US$", "€", "£"). After one: every code, its English name ("US dollars"), the name's last word when
 * only one currency has it ("euros", "yen", "dong"). Marks several currencies share are read the customary way ("$"
 * and "dollars" are US dollars, "£" and "pounds" sterling, "¥" yen).
 */
export function currencyMarks(): { before: Map<string, string>; after: Map<string, string> } {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const lastWords = new Map<string, Set<string>>();
  for (const code of CURRENCIES) {
    before.set(code, code);
    after.set(code, code);
    const symbol = currencySymbol(code, 'en-GB').trim();
    if (symbol !== code) before.set(symbol, code);
    for (const n of [1, 2]) {
      const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency: code, currencyDisplay: 'name' }).formatToParts(n);
      const name = parts.find((p) => p.type === 'currency')?.value ?? '';
      if (name.includes(' ')) after.set(name, code);
      const word = name.split(' ').pop()?.toLowerCase();
      if (word && /^\p{Ll}+$/u.test(word)) lastWords.set(word, (lastWords.get(word) ?? new Set()).add(code));
    }
  }
  for (const [word, codes] of lastWords) if (codes.size === 1) after.set(word, [...codes][0]!);
  for (const [mark, code] of Object.entries(CUSTOMARY)) (/^\p{L}/u.test(mark) ? after : before).set(mark, code);
  return { before, after };
}

/** Marks several currencies share, read the way English-language sources mostly mean them. */
const CUSTOMARY: Readonly<Record<string, string>> = { $: 'USD', dollar: 'USD', dollars: 'USD', '¥': 'JPY', '£': 'GBP', pound: 'GBP', pounds: 'GBP' };
