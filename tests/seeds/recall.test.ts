// How many hand-curated claims the extractor proposes on its own, per source of the default dataset: the figure an
// analyst can expect when starting next year's dataset from `annual-review extract`. Needs the real articles; run by
// .ci/run (npx vitest run --config vitest.seeds.config.ts).
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { defaultDataDir } from '../../src/input/paths.js';
import { measureRecall } from '../extract/recall.js';
import { requireSeeds } from './seeds.js';

/** Recall measured 61/61 when the dataset was completed; the floors leave room for claims added by hand since. */
const FLOOR = { overall: 0.95, perSource: 0.9 };

describe('extraction recall against the curated dataset', () => {
  it('proposes nearly every curated claim of every source', () => {
    const { perSource, overall, summary } = measureRecall(loadDataset(defaultDataDir), requireSeeds());
    console.log(summary);
    expect(overall).toBeGreaterThanOrEqual(FLOOR.overall);
    for (const p of perSource) expect(p.found / p.claims, summary).toBeGreaterThanOrEqual(FLOOR.perSource);
  });
});
