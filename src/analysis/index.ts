// The analysis stage: Dataset in, Review out (discrepancies, citation numbers, chart data). Pure.
import type { Dataset } from '../dataset/types.js';
import type { Review } from '../review.js';
import { chartData, type ChartLocale } from './chart-data.js';
import { citationResolver } from './citations.js';
import { findDiscrepancies, type Wording } from './discrepancies/index.js';

/**
 * The discrepancies are explained in the wording of the build's locale (its `explain` group and Intl tag). The chart
 * datasets carry a few words of their own ("year not given") and a few computed figures; both come from the
 * template's locale (its `charts` group and Intl tag), so only a build that draws charts passes it.
 */
export type { Wording } from './discrepancies/index.js';
/** Whether a claim's value and scale give the figure its source printed (the dataset stage checks every claim). */
export { agreesWithPrinted } from './discrepancies/precision.js';

export function analyse(dataset: Dataset, wording: Wording, chartLocale?: ChartLocale): Review {
  const discrepancies = findDiscrepancies(dataset, wording);
  return {
    dataset,
    discrepancies,
    cite: citationResolver(dataset),
    chartData: chartLocale ? chartData(dataset, discrepancies, chartLocale) : {},
  };
}
