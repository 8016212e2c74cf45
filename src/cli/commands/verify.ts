// `annual-review verify`: every claim's quote must be found in the text of its source.
import { resolve } from 'node:path';
import { loadDataset, verifyQuotes } from '../../dataset/index.js';
import { displayPath } from '../../input/paths.js';
import { failOnErrors, formatDiagnostic } from '../../errors.js';
import { dataDirOf, UsageError, type Command } from '../command.js';
import { sizeForDatasets } from '../sizing.js';

export const verify: Command = {
  options: { data: { type: 'string' }, sources: { type: 'string' } },
  async run(values, positionals) {
    if (!values.sources) throw new UsageError("--sources DIR is required: the folder of the sources' text files");
    const dir = dataDirOf(values, positionals);
    sizeForDatasets(dir);
    const dataset = loadDataset(dir);
    const sourcesDir = resolve(String(values.sources));
    const warnings = failOnErrors(verifyQuotes(dataset, sourcesDir));
    for (const w of warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
    process.stdout.write(`${dataset.claims.length} quotes from ${dataset.sources.length} sources found verbatim in ${displayPath(sourcesDir)}\n`);
    return 0;
  },
};
