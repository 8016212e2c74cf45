// Assisted extraction: proposes a claim stub for every figure an article states, for an analyst to review.
import { stringify } from 'yaml';
import type { Claim } from '../dataset/types.js';
import { findFigures, type Figure } from './figures.js';
import { splitSentences } from './sentences.js';

/** A claim as proposed: no scope, label, relation or note yet, and a period that is only a guess, if any. */
export type ClaimStub = Omit<Claim, 'period' | 'scope' | 'label' | 'relation' | 'note'> & { period?: string };

/** Marks the field the analyst must fill; it fails validation until replaced. */
export const METRIC_TO_FILL = 'TODO';

/** The year printed nearest to the figure in its sentence: the likeliest period. */
function periodNear(sentence: string, figure: Figure): string | undefined {
  const years = [...sentence.matchAll(/\b(?:19|20)\d\d\b/g)].filter((y) => !figure.printed.includes(y[0]));
  const distance = (y: RegExpMatchArray) => Math.abs((y.index ?? 0) - figure.index);
  return years.sort((a, b) => distance(a) - distance(b))[0]?.[0];
}

export function extractClaims(text: string, sourceId: string): ClaimStub[] {
  return splitSentences(text.normalize('NFC'))
    .flatMap((sentence) =>
      findFigures(sentence).map((figure): Omit<ClaimStub, 'id'> => {
        const period = periodNear(sentence, figure);
        const { value, scale, unit, hedge, printed } = figure;
        return { source: sourceId, metric: METRIC_TO_FILL, ...(period ? { period } : {}), value, scale, unit, hedge, printed, quote: sentence };
      }),
    )
    .map((stub, i) => ({ id: `${sourceId}-${i + 1}`, ...stub }));
}

export function stubsToYaml(stubs: readonly ClaimStub[]): string {
  const header = '# Claim stubs to review: set each metric, check period, hedge and scale, shorten the quote, delete what is not a claim.\n';
  return header + stringify({ claims: stubs }, { lineWidth: 0 });
}
