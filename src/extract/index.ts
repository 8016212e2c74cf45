// Assisted extraction: proposes claim stubs for every number an article states, for an analyst to review.
import { stringify } from 'yaml';
import { HEDGES, type Claim, type Hedge, type Scale, type Unit } from '../dataset/types.js';

/** A claim as proposed: every field of a claim but the period, which is only a guess here and may be missing. */
export type ClaimStub = Omit<Claim, 'period' | 'scope' | 'label' | 'relation' | 'note'> & { period?: string };

const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, hundred: 100,
};
const HEDGE_WORDS = HEDGES.filter((h) => h !== 'none').sort((a, b) => b.length - a.length);
const FIGURE = new RegExp(
  String.raw`(?<hedge>\b(?:${HEDGE_WORDS.join('|')})\s+)?` +
    String.raw`(?<currency>US\$|USD\s?|VND\s?|\$)?` +
    String.raw`(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${Object.keys(WORDS).join('|')})\b)` +
    String.raw`(?<scale>-?\s?(?:trillion|billion|million|thousand)\b)?` +
    String.raw`(?<after>\s?(?:per cent|percent|%|USD|times|days|years|-magnitude))?`,
  'gi',
);

/** Sentences: a line break, or . ! ? followed by white space and a capital letter or an opening quote, ends one. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z\u201c"(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

const MONTH_BEFORE = /(?:January|February|March|April|May|June|July|August|September|October|November|December)\s$/;
/** The year printed nearest to the figure, as its likely period. */
function periodNear(years: readonly RegExpMatchArray[], at: number, raw: string): { period?: string } {
  const near = [...years].filter((y) => y[0] !== raw).sort((a, b) => Math.abs((a.index ?? 0) - at) - Math.abs((b.index ?? 0) - at))[0];
  return near ? { period: near[0] } : {};
}

const isYear = (n: string, scale?: string, after?: string) => /^(19|20)\d\d$/.test(n) && !scale && !after;

export function extractClaims(text: string, sourceId: string): ClaimStub[] {
  const stubs: ClaimStub[] = [];
  for (const sentence of sentences(text.normalize('NFC'))) {
    const years = [...sentence.matchAll(/\b(?:19|20)\d\d\b/g)];
    for (const m of sentence.matchAll(FIGURE)) {
      const g = m.groups ?? {};
      const raw = g.number ?? '';
      if (isYear(raw, g.scale, g.after)) continue;
      const next = sentence.slice((m.index ?? 0) + m[0].length);
      const before = sentence.slice(0, m.index ?? 0);
      // Ordinals ("14th"), ranges of years ("2026-2028") and days of dates ("January 8") are not quantities.
      if (/^(st|nd|rd|th)\b/i.test(next) || /^[-–]\d/.test(next) || MONTH_BEFORE.test(before)) continue;
      const word = WORDS[raw.toLowerCase()];
      const value = word ?? Number(raw.replace(/,/g, ''));
      const scale = ((g.scale ?? '').replace(/[-\s]/g, '').toLowerCase() || 'one') as Scale;
      const currency = (g.currency ?? '') + (g.after ?? '');
      const unit: Unit = /US\$|USD|\$/.test(currency) ? 'USD' : /VND/.test(currency) ? 'VND' : /per ?cent|%/i.test(g.after ?? '') ? 'percent' : /times/.test(g.after ?? '') ? 'times' : /days/.test(g.after ?? '') ? 'days' : /years/.test(g.after ?? '') ? 'years' : /magnitude/.test(g.after ?? '') ? 'magnitude' : 'count';
      const hedge = (g.hedge?.trim().toLowerCase() ?? 'none') as Hedge;
      stubs.push({
        id: `${sourceId}-${stubs.length + 1}`,
        source: sourceId,
        metric: 'TODO',
        ...periodNear(years, m.index ?? 0, raw),
        value,
        scale,
        unit,
        hedge,
        printed: m[0].trim(),
        quote: sentence,
      });
    }
  }
  return stubs;
}

export function stubsToYaml(stubs: readonly ClaimStub[]): string {
  const header = '# Claim stubs to review: set each metric, check period, hedge and scale, shorten the quote, delete what is not a claim.\n';
  return header + stringify({ claims: stubs }, { lineWidth: 0 });
}
