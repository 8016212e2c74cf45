// Finds the figures a sentence states: the number, its hedge, currency, scale and unit, as printed.
import { BUILTIN_HEDGES, NO_HEDGE } from '../text/hedges.js';
import type { Hedge, Scale, Unit } from '../dataset/types.js';
import { alternatives, isCurrency, unitMarks } from '../units/index.js';

export interface Figure {
  value: number;
  scale: Scale;
  unit: Unit;
  hedge: Hedge;
  /** The figure exactly as printed, hedge word included. */
  printed: string;
  /** Offset of the figure in its sentence. */
  index: number;
}

/** Number words a source may spell out. "one" is left out: it is far more often a pronoun than a count. */
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};
/** Ordinals followed by "time" count occurrences ("the third time"): quantities, unlike ordinals that name things. */
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const HEDGE_WORDS = Object.keys(BUILTIN_HEDGES)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, String.raw`\s+`));
const words = (list: Record<string, number>) => Object.keys(list).join('|');

/** Currency marks before an amount ("US$", "€", "EUR "), and currency and unit words after one, from src/units/. */
const MARKS = unitMarks();
const FIGURE = new RegExp(
  String.raw`(?<hedge>\b(?:${HEDGE_WORDS.join('|')})\s+)?` +
    String.raw`(?<currency>(?:${alternatives(MARKS.before.keys())})\s?)?` +
    String.raw`(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${words(ORDINAL_WORDS)})\s+time\b|\b(?:${words(NUMBER_WORDS)})\b)` +
    String.raw`(?<scale>-?\s?(?:trillion|billion|million|thousand)\b)?` +
    String.raw`(?<after>\s?(?:${alternatives(MARKS.after.keys())})(?![\p{L}\d]))?`,
  'giu',
);

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Numbers that name or date things rather than count them, judged from the text just before the number. */
const NAMING_BEFORE = [
  // A day of a date: "January 9".
  new RegExp(String.raw`\b(?:${MONTHS})\s$`),
  // Numbered documents and units, lists of them included: "Resolutions 57, 59, 66", "Unit No. 4".
  /\b(?:No|Nos|Resolutions?|Directives?|Decrees?|Decisions?|Articles?|Conclusions?)\.?\s+(?:\d+,?\s+(?:and\s+)?)*$/i,
  // Glued to a word: "G20", "P4G", "Level-2", "COVID-19", or the second year of "2026-2028".
  /[\p{L}\d][-/]?$/u,
];
/** Numbers that name or date things, judged from the text just after: ordinals ("14th") and "9 January". */
const NAMING_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)\b|^\s(?:${MONTHS})\b|^\p{L}`, 'u');

const isYear = (g: Record<string, string | undefined>) => /^(?:19|20)\d\d$/.test(g.number ?? '') && !g.scale && !g.after && !g.currency;

function valueOf(number: string): number {
  const word = number.toLowerCase().replace(/\s+time$/, '');
  return ORDINAL_WORDS[word] ?? NUMBER_WORDS[word] ?? Number(number.replace(/,/g, ''));
}

/** A mark as the source printed it, if it names a unit: codes only in capitals ("ALL 20" is lek, "all 20" is not). */
function markedUnit(mark: string | undefined, marks: ReadonlyMap<string, string>): Unit | undefined {
  const text = mark?.trim();
  if (!text) return undefined;
  if (/^[A-Za-z]{3}$/.test(text)) return isCurrency(text) ? text : undefined;
  return marks.get(text) ?? marks.get(text.toLowerCase()) ?? [...marks].find(([m]) => m.toLowerCase() === text.toLowerCase())?.[1];
}

/** Every figure of one sentence, in order; years, dates, ordinals and numbered names are left out. */
export function findFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const g: Record<string, string | undefined> = { ...m.groups };
    let index = m.index;
    let whole = m[0];
    // A mark that names no unit as printed ("all 20": ALL is a currency only in capitals) is not part of the figure.
    const currency = markedUnit(g.currency, MARKS.before);
    if (g.currency && !currency) {
      const from = whole.indexOf(g.currency) + g.currency.length;
      index += from;
      whole = whole.slice(from);
      g.currency = g.hedge = undefined;
    }
    const unit = currency ?? markedUnit(g.after, MARKS.after);
    if (g.after && !unit) {
      whole = whole.slice(0, whole.length - g.after.length);
      g.after = undefined;
    }
    const numberAt = index + whole.indexOf(g.number ?? '');
    const before = sentence.slice(0, numberAt);
    const after = sentence.slice(index + whole.length);
    if (isYear(g) || (!g.currency && NAMING_BEFORE.some((re) => re.test(before))) || (!g.scale && !g.after && NAMING_AFTER.test(after))) continue;
    figures.push({
      value: valueOf(g.number ?? ''),
      scale: ((g.scale ?? '').replace(/[-\s]/g, '').toLowerCase() || 'one') as Scale,
      unit: unit ?? 'count',
      hedge: g.hedge?.trim().replace(/\s+/g, ' ') ?? NO_HEDGE,
      printed: whole.trim(),
      index,
    });
  }
  return figures;
}
