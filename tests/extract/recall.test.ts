// Extraction recall on the repository's fictional dataset and its source texts (tests/fixtures/base-dataset): every
// curated claim is proposed by the extractor. The same measure against the real articles runs in .ci/run
// (tests/seeds/recall.test.ts), which needs the folder of those articles.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { packageRoot } from '../../src/input/paths.js';
import { measureRecall } from './recall.js';

const fixtures = join(packageRoot, 'tests', 'fixtures');

describe('extraction recall', () => {
  it('proposes every curated claim of the fictional dataset from its texts', () => {
    const { perSource, overall, summary } = measureRecall(loadDataset(join(fixtures, 'base-dataset')), join(fixtures, 'base-dataset-texts'));
    expect(perSource.map((p) => p.missed).flat(), summary).toEqual([]);
    expect(overall).toBe(1);
  });

  it('counts a claim whose figure the texts do not print as missed', () => {
    const ds = loadDataset(join(fixtures, 'base-dataset'));
    const changed = { ...ds, claims: ds.claims.map((c) => (c.id === 'council-festivals' ? { ...c, value: 13 } : c)) };
    const { perSource, overall } = measureRecall(changed, join(fixtures, 'base-dataset-texts'));
    expect(perSource.find((p) => p.source === 'council')?.missed).toEqual(['council-festivals']);
    expect(overall).toBeCloseTo(4 / 5);
  });
});
