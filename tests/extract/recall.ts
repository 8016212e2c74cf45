// Extraction recall: how many of a dataset's hand-curated claims the extractor proposes on its own from the sources'
// texts, per source. Shared by the test on the repository's fictional dataset and the check against the real
// articles (tests/seeds, run by .ci/run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALES, type Claim, type Dataset } from '../../src/dataset/types.js';
import { extractClaims, type ClaimStub } from '../../src/extract/index.js';

const amount = (x: { value: number; scale: keyof typeof SCALES }) => x.value * SCALES[x.scale];
const sameAmount = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
/** Found: a stub of the same amount whose sentence holds the claim's printed figure, or whose figure the claim's quote holds. */
const finds = (stub: ClaimStub, claim: Claim) => sameAmount(amount(stub), amount(claim)) && (stub.quote.includes(claim.printed) || claim.quote.includes(stub.printed));

export interface SourceRecall {
  source: string;
  found: number;
  claims: number;
  stubs: number;
  /** Stubs that match a claim. */
  useful: number;
  missed: string[];
}

export function measureRecall(ds: Dataset, textsDir: string): { perSource: SourceRecall[]; overall: number; summary: string } {
  const perSource = ds.sources.map((source) => {
    const stubs = extractClaims(readFileSync(join(textsDir, source.file), 'utf8'), source.id);
    const claims = ds.claims.filter((c) => c.source === source.id);
    const missed = claims.filter((c) => !stubs.some((s) => finds(s, c))).map((c) => c.id);
    const useful = stubs.filter((s) => claims.some((c) => finds(s, c))).length;
    return { source: source.id, found: claims.length - missed.length, claims: claims.length, stubs: stubs.length, useful, missed };
  });
  const found = perSource.reduce((n, p) => n + p.found, 0);
  const overall = found / ds.claims.length;
  const lines = perSource.map((p) => `${p.source}: ${p.found}/${p.claims} claims found; ${p.useful}/${p.stubs} stubs match a claim${p.missed.length ? ` missed ${p.missed.join(', ')}` : ''}`);
  return { perSource, overall, summary: `${lines.join('\n')}\noverall ${found}/${ds.claims.length} = ${(overall * 100).toFixed(1)}%` };
}
