// Every explanation the engine writes, built from the rule and the numbers: tests compare against these functions.
import { formatNumber } from '../../format.js';
import { ENGLISH, type Units } from '../../units/index.js';
import type { InvolvedClaim } from '../types.js';

/**
 * A computed quantity written readably, in its unit: 1.4e11 USD → "US$140 billion", 7.9e9 EUR → "€7.9 billion",
 * 38 of a declared unit "embassies" → "38 embassies", 7.9e6 tonnes → "7.9 million tonnes".
 */
export const quantity = (units: Units, value: number, unit: string, digits = 2): string => units.write(value, unit, ENGLISH, digits);

/** A ratio as the sentence "a ratio of about 2.06" gives it: the number alone. */
export const ratioFigure = (value: number) => formatNumber(value, ENGLISH.intl, 2);

/** "Disbursed FDI" → "disbursed FDI"; acronyms ("UNESCO-recognised …") stay as they are. */
export const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

const said = (claims: readonly InvolvedClaim[], names: (source: string) => string) =>
  claims.map((c) => `${c.printed} ${names(c.source)}`).join(', ');
const percent = (gap: number) => `${formatNumber(gap * 100, 'en-GB', gap < 0.1 ? 1 : 0)}%`;

export const messages = {
  valueConflict: (label: string, period: string, claims: readonly InvolvedClaim[], gap: number, names: (s: string) => string) =>
    `For ${inSentence(label)} in ${period} the sources give ${said(claims, names)}: ${percent(gap)} apart at the closest, more than their hedges allow.`,
  agreement: (label: string, period: string, claims: readonly InvolvedClaim[], names: (s: string) => string) =>
    `For ${inSentence(label)} in ${period} the sources give ${said(claims, names)}; every figure allows the same value, so they agree within their hedges.`,
  definitionMismatch: (label: string, period: string, claims: readonly InvolvedClaim[], names: (s: string) => string, sameFigure: boolean) =>
    `The sources define ${inSentence(label)} in ${period} differently: ${claims.map((c) => `${names(c.source)} counts ${c.scope ?? 'without saying what'} (${c.printed})`).join('; ')}. ${
      sameFigure ? 'The same figure is given for different definitions' : 'The figures are not comparable'
    }, so they are not checked against each other.`,
  labelConflict: (label: string, period: string, odd: InvolvedClaim, others: readonly InvolvedClaim[], names: (s: string) => string) =>
    `Source ${names(odd.source)} calls ${odd.printed} "${odd.label}", for an amount the other sources (${said(others, names)}) give as ${inSentence(label)} in ${period}.`,
  ratio: (label: string, period: string, base: string, now: string, then: string, achieved: string, stated: string, impliedBase: string, scopes: boolean) =>
    `${scopes ? 'Taken at face value, the sources give' : 'Sources give'} ${now} ${inSentence(label)} in ${period} and ${then} in ${base}: a ratio of about ${achieved}, not the stated ${stated} (which would imply about ${impliedBase} in ${base}).`,
  growth: (label: string, period: string, base: string, now: string, then: string, achieved: string, stated: string, impliedBase: string, scopes: boolean) =>
    `${scopes ? 'Taken at face value, the sources give' : 'Sources give'} ${now} for ${inSentence(label)} in ${period} and ${then} in ${base}: a change of about ${achieved}, not the stated ${stated} (which would imply about ${impliedBase} in ${base}).`,
  runningTotal: (totalLabel: string, period: string, base: string, before: string, added: string, expected: string, stated: string, scopes: boolean) =>
    `${scopes ? 'Taken at face value, the sources give' : 'Sources give'} ${before} ${inSentence(totalLabel)} at the end of ${base}; adding the ${added} of ${period} makes ${expected}, not the stated ${stated}.`,
  /** A relation whose levels are defined differently: the face-value check, and why it is not a conflict. */
  relationScopes: (faceValue: string) =>
    `${faceValue} But the figures are defined differently, so they are not comparable and this is not reported as a conflict.`,
  unverifiable: (label: string, stated: string, period: string, base: string, missing: string) =>
    `"${stated}" (${inSentence(label)}, ${period} against ${base}) cannot be checked: no source gives ${inSentence(label)} for ${missing}.`,
  unverifiableTotal: (totalLabel: string, stated: string, period: string, missing: string) =>
    `The "${stated}" of ${period} cannot be checked against the running total: no source gives ${inSentence(totalLabel)} for ${missing}.`,
};
