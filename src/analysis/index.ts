// The analysis stage: Dataset in, Review out (discrepancies, citation numbers, chart data). Pure.
import type { Dataset } from '../dataset/types.js';
import type { Review } from '../review.js';
import { chartData } from './chart-data.js';
import { citationResolver } from './citations.js';
import { findDiscrepancies } from './discrepancies/index.js';

/**
 * The chart datasets carry a few words of their own ("year not given"); they come from the template's locale, so
 * only a build that draws charts passes them (`chartWords`, the locale's `charts` group).
 */
export function analyse(dataset: Dataset, chartWords?: Readonly<Record<string, string>>): Review {
  const discrepancies = findDiscrepancies(dataset);
  return {
    dataset,
    discrepancies,
    cite: citationResolver(dataset),
    chartData: chartWords ? chartData(dataset, discrepancies, chartWords) : {},
  };
}
