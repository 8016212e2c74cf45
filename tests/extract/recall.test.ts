// How many hand-curated claims the extractor proposes on its own, per source: the figure an analyst can expect
// when starting next year's dataset from `annual-review extract`. Rerun to measure after changing the extractor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { SCALES, type Claim } from '../../src/dataset/types.js';
import { extractClaims, type ClaimStub } from '../../src/extract/index.js';
import { defaultDataDir, packageRoot } from '../../src/paths.js';

const seeds = join(packageRoot, '..', 'shared', 'seeds');

const amount = (x: { value: number; scale: keyof typeof SCALES }) => x.value * SCALES[x.scale];
const sameAmount = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
/** Found: a stub of the same amount whose sentence holds the claim's printed figure, or whose figure the claim's quote holds. */
const finds = (stub: ClaimStub, claim: Claim) =>
  sameAmount(amount(stub), amount(claim)) && (stub.quote.includes(claim.printed) || claim.quote.includes(stub.printed));

/** Recall measured 61/61 when the dataset was completed; the floors leave room for claims added by hand since. */
const FLOOR = { overall: 0.95, perSource: 0.9 };

describe('extraction recall against the curated dataset', () => {
  it('proposes nearly every curated claim of every source', () => {
    const ds = loadDataset(defaultDataDir);
    const perSource = ds.sources.map((source) => {
      const stubs = extractClaims(readFileSync(join(seeds, source.file), 'utf8'), source.id);
      const claims = ds.claims.filter((c) => c.source === source.id);
      const missed = claims.filter((c) => !stubs.some((s) => finds(s, c))).map((c) => c.id);
      const useful = stubs.filter((s) => claims.some((c) => finds(s, c))).length;
      return { source: source.id, found: claims.length - missed.length, claims: claims.length, stubs: stubs.length, useful, missed };
    });
    const found = perSource.reduce((n, p) => n + p.found, 0);
    const overall = found / ds.claims.length;
    const lines = perSource.map((p) => `${p.source}: ${p.found}/${p.claims} claims found; ${p.useful}/${p.stubs} stubs match a claim${p.missed.length ? ` missed ${p.missed.join(', ')}` : ''}`);
    console.log(`${lines.join('\n')}\noverall ${found}/${ds.claims.length} = ${(overall * 100).toFixed(1)}%`);
    expect(overall).toBeGreaterThanOrEqual(FLOOR.overall);
    for (const p of perSource) expect(p.found / p.claims).toBeGreaterThanOrEqual(FLOOR.perSource);
  });
});
