// `annual-review validate`: schema and reference checks on a dataset, without building anything; with --json, the
// normalised dataset itself (the same bytes as the build's dataset.json export).
import { loadDataset } from '../../dataset/index.js';
import { displayPath } from '../../input/paths.js';
import { datasetJson } from '../../exports/index.js';
import { dataDirOf, type Command } from '../command.js';
import { sizeForDatasets } from '../sizing.js';

export const validate: Command = {
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals) {
    const dir = dataDirOf(values, positionals);
    sizeForDatasets(dir);
    const ds = loadDataset(dir);
    if (values.json) {
      process.stdout.write(datasetJson(ds));
      return 0;
    }
    process.stdout.write(
      `${displayPath(dir)}: valid — ${ds.sources.length} sources, ${ds.metrics.length} metrics, ${ds.claims.length} claims, ${ds.events.length} events, ${ds.partnerships.length} partnerships, ${ds.people.length} people, ${ds.narrative.length} sections\n`,
    );
    return 0;
  },
};
