// Citation numbers: a source's number is its position in sources.yaml; a claim cites its source.
import { hedgeVocabulary } from '../text/hedges.js';
import type { Dataset } from '../dataset/types.js';
import { capitalise, casingOf, figureInSentence } from '../text/casing.js';
import type { Citation } from '../review.js';

/** Source id → citation number. */
export function sourceNumbers(dataset: Pick<Dataset, 'sources'>): Map<string, number> {
  return new Map(dataset.sources.map((source, i) => [source.id, i + 1]));
}

export function citationResolver(dataset: Dataset): (id: string) => Citation | undefined {
  const numbers = sourceNumbers(dataset);
  const bySource = new Map<string, Citation>(dataset.sources.map((source) => [source.id, { number: numbers.get(source.id)!, source }]));
  const byClaim = new Map<string, Citation>();
  const casing = casingOf(dataset, hedgeVocabulary(dataset.meta.hedges), dataset.meta.language);
  for (const claim of dataset.claims) {
    const cited = bySource.get(claim.source);
    if (cited) byClaim.set(claim.id, { ...cited, claim, figure: { start: capitalise(claim.printed, casing), within: figureInSentence(claim, casing) } });
  }
  return (id) => byClaim.get(id) ?? bySource.get(id);
}
