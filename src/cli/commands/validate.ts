// `annual-review validate`: schema and reference checks on a dataset, without building anything.
import { resolve } from 'node:path';
import { displayPath, loadDataset } from '../../dataset/load.js';
import { defaultDataDir } from '../../paths.js';
import type { Command } from '../command.js';

export const validate: Command = {
  options: { data: { type: 'string' } },
  async run(values) {
    const dir = resolve(String(values.data ?? defaultDataDir));
    const ds = loadDataset(dir);
    process.stdout.write(
      `${displayPath(dir)}: valid — ${ds.sources.length} sources, ${ds.metrics.length} metrics, ${ds.claims.length} claims, ${ds.events.length} events, ${ds.partnerships.length} partnerships, ${ds.people.length} people, ${ds.narrative.length} sections\n`,
    );
    return 0;
  },
};
