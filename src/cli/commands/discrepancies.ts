// `annual-review discrepancies`: the computed discrepancies as a table, JSON or CSV on standard output.
import { DISCREPANCY_FORMATS, formatDiscrepancies, type DiscrepancyFormat } from '../../exports/index.js';
import { loadReview } from '../../pipeline.js';
import { dataDirOf, UsageError, type Command } from '../command.js';
import { sizeForDatasets } from '../sizing.js';

export const discrepancies: Command = {
  options: { data: { type: 'string' }, format: { type: 'string' } },
  async run(values, positionals) {
    const format = String(values.format ?? 'table');
    if (!(DISCREPANCY_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${DISCREPANCY_FORMATS.join(', ')}, not "${format}"`);
    }
    const dir = dataDirOf(values, positionals);
    sizeForDatasets(dir);
    const review = loadReview(dir);
    process.stdout.write(formatDiscrepancies(review.discrepancies, format as DiscrepancyFormat));
    return 0;
  },
};
