// Every explanation the engine writes, built from the rule and the numbers in the build's locale: the sentence
// patterns are the locale's `explain` texts (templates/annual-review/locales/*.yaml). Printed figures and labels are
// cased by their place in the sentence (../casing.ts); a sentence never sets a label straight after a printed figure,
// since the figure may carry its own noun ("38 embassies and consulates").
import { fillPattern, formatNumber, listAlternatives } from '../../text/format.js';
import { capitalise, figureInSentence, labelInSentence, type Casing } from '../../text/casing.js';
import type { InvolvedClaim } from '../types.js';
import { ENGLISH, type MoneyStyle, type Units } from '../../units/index.js';

/** What the engine needs of the build's locale to write its explanations. */
export interface Wording {
  /** The locale's `explain` group: one pattern per sentence, with {name} placeholders. */
  texts: Readonly<Record<string, string | readonly string[]>>;
  /** The Intl locale numbers are written in ("en-GB", "vi-VN"). */
  intl: string;
  /** How the locale writes money and scale words (the locale's format.money); English when absent. */
  money?: MoneyStyle;
}

type Claims = readonly (InvolvedClaim & { quote: string })[];

/** The engine's sentences in one locale, for one dataset's casing and units and one way of naming sources ("[2]"). */
export function explainer(wording: Wording, casing: Casing, names: (source: string) => string, units: Units) {
  const text = (key: string): string => {
    const t = wording.texts[key];
    if (typeof t !== 'string') throw new Error(`the locale has no text "explain.${key}"`);
    return t;
  };
  const say = (key: string, values: Record<string, string>) => capitalise(fillPattern(text(key), values), casing);
  const label = (l: string) => labelInSentence(l, casing);
  const figure = (c: { printed: string; quote: string }) => figureInSentence(c, casing);
  const said = (claims: Claims) => claims.map((c) => `${figure(c)} ${names(c.source)}`).join(', ');
  const either = (items: readonly string[]) => listAlternatives([...new Set(items)], wording.intl);
  const percent = (gap: number) => `${formatNumber(gap * 100, wording.intl, gap < 0.1 ? 1 : 0)}%`;
  const sources = (scopes: boolean) => text(scopes ? 'sourcesGiveFaceValue' : 'sourcesGive');
  return {
    /**
     * A computed quantity written readably in its unit and the locale's words: 1.4e11 USD → "US$140 billion",
     * 7.9e9 EUR → "€7.9 billion" ("7,9 tỷ EUR"), 38 of a declared unit → "38 embassies", 7.9e6 tonnes → "7.9 million tonnes".
     */
    quantity: (value: number, unit: string, digits = 2) => units.write(value, unit, wording.money ?? { ...ENGLISH, intl: wording.intl }, digits),
    /** A ratio as "a ratio of about 2.06" gives it: the number alone, in the locale's digits. */
    ratioFigure: (value: number) => formatNumber(value, wording.intl, 2),
    /** The printed figures of several claims, as alternatives: "around 2.5 times or 2.5 times higher". */
    printedList: (claims: Claims) => either(claims.map(figure)),
    /** Periods no source gives: "2024 or 2023". */
    periods: (list: readonly string[]) => either(list),
    valueConflict: (metric: string, period: string, claims: Claims, gap: number) => say('valueConflict', { label: label(metric), period, figures: said(claims), gap: percent(gap) }),
    agreement: (metric: string, period: string, claims: Claims) => say('agreement', { label: label(metric), period, figures: said(claims) }),
    definitionMismatch: (metric: string, period: string, claims: Claims, sameFigure: boolean) =>
      say('definitionMismatch', {
        label: label(metric),
        period,
        definitions: claims.map((c) => fillPattern(text('definition'), { source: names(c.source), scope: c.scope ?? text('unsaidScope'), figure: figure(c) })).join('; '),
        verdict: text(sameFigure ? 'sameFigure' : 'notComparable'),
      }),
    labelConflict: (metric: string, period: string, odd: Claims[number], others: Claims) =>
      say('labelConflict', { source: names(odd.source), figure: figure(odd), name: odd.label ?? '', figures: said(others), label: label(metric), period }),
    ratio: (metric: string, period: string, base: string, now: string, then: string, achieved: string, stated: string, impliedBase: string, scopes: boolean) =>
      say('ratio', { label: label(metric), sources: sources(scopes), period, base, now, then, achieved, stated, impliedBase }),
    growth: (metric: string, period: string, base: string, now: string, then: string, achieved: string, stated: string, impliedBase: string, scopes: boolean) =>
      say('growth', { label: label(metric), sources: sources(scopes), period, base, now, then, achieved, stated, impliedBase }),
    runningTotal: (totalMetric: string, period: string, base: string, before: string, added: string, expected: string, stated: string, scopes: boolean) =>
      say('runningTotal', { label: label(totalMetric), sources: sources(scopes), period, base, before, added, expected, stated }),
    /** A relation whose levels are defined differently: the face-value check, and why it is not a conflict. */
    relationScopes: (faceValue: string) => say('relationScopes', { faceValue }),
    unverifiable: (metric: string, stated: string, period: string, base: string, missing: string) => say('unverifiable', { label: label(metric), stated, period, base, missing }),
    unverifiableTotal: (totalMetric: string, stated: string, period: string, missing: string) => say('unverifiableTotal', { label: label(totalMetric), stated, period, missing }),
  };
}

export type Explainer = ReturnType<typeof explainer>;
