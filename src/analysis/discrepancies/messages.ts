// Every explanation the engine writes, built from the rule and the numbers: tests compare against these functions.
import type { Unit } from '../../dataset/types.js';
import { formatNumber } from '../../format.js';
import type { InvolvedClaim } from '../types.js';
import { UNIT_TRAITS } from './units.js';

const SCALE_WORDS: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A computed quantity written readably: 1.4e11 USD → "US$140 billion", 2.06 times → "2.06". */
export function quantity(value: number, unit: string, digits = 2): string {
  const traits = UNIT_TRAITS[unit as Unit];
  const big = unit !== 'count' ? SCALE_WORDS.find(([f]) => Math.abs(value) >= f) : undefined;
  const amount = big ? `${formatNumber(value / big[0], 'en-GB', digits)} ${big[1]}` : formatNumber(value, 'en-GB', unit === 'count' ? 0 : digits);
  return unit === 'times' || unit === 'count' ? amount : traits ? traits.write(amount) : amount;
}

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
