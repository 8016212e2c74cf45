// How many of the hand-curated claims the extractor proposes on its own, per source: the figure users can expect
// when they start next year's dataset from `annual-review extract`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { SCALES } from '../../src/dataset/types.js';
import { extractClaims } from '../../src/extract/index.js';
import { defaultDataDir, packageRoot } from '../../src/paths.js';

const seeds = join(packageRoot, '..', 'shared', 'seeds');

describe('extraction recall against the curated dataset', () => {
  it('proposes most curated claims of every source', () => {
    const ds = loadDataset(defaultDataDir);
    let found = 0;
    const perSource = ds.sources.map((s) => {
      const stubs = extractClaims(readFileSync(join(seeds, s.file), 'utf8'), s.id);
      const claims = ds.claims.filter((c) => c.source === s.id);
      const hits = claims.filter((c) =>
        stubs.some((st) => st.value * SCALES[st.scale] === c.value * SCALES[c.scale] && (st.quote.includes(c.printed) || c.quote.includes(st.printed))),
      ).length;
      found += hits;
      return { source: s.id, hits, claims: claims.length, recall: hits / claims.length };
    });
    const overall = found / ds.claims.length;
    console.log(perSource.map((p) => `${p.source}: ${p.hits}/${p.claims}`).join(', '), `overall ${(overall * 100).toFixed(0)}%`);
    expect(overall).toBeGreaterThanOrEqual(0.9);
    for (const p of perSource) expect(p.recall).toBeGreaterThanOrEqual(0.7);
  });
});
