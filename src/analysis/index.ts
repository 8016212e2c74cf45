// The analysis stage: Dataset in, Review out (discrepancies, citation numbers, chart data). Pure.
import type { Dataset } from '../dataset/types.js';
import type { Review } from '../review.js';
import { chartData } from './chart-data.js';
import { citationResolver } from './citations.js';
import { findDiscrepancies } from './discrepancies/index.js';

export function analyse(dataset: Dataset): Review {
  const discrepancies = findDiscrepancies(dataset);
  return {
    dataset,
    discrepancies,
    cite: citationResolver(dataset),
    chartData: chartData(dataset, discrepancies),
  };
}
