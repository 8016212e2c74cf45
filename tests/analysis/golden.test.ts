// The findings of each dataset in data/, pinned: which rule found what, how severe, between which claims, with which
// numbers. A change to the rules, the tolerances or a dataset that changes a finding fails here until the golden file
// is written again with `UPDATE=1 npx vitest run tests/analysis/golden.test.ts` and the diff reviewed. A dataset
// added to data/ is covered by adding its golden file the same way.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Discrepancy, Interval } from '../../src/analysis/types.js';
import { packageRoot } from '../../src/input/paths.js';
import { loadReview } from '../../src/pipeline.js';

const dataDir = join(packageRoot, 'data');
const goldenDir = join(packageRoot, 'tests', 'golden', 'discrepancies');
const datasets = readdirSync(dataDir)
  .filter((name) => existsSync(join(dataDir, name, 'review.yaml')))
  .sort();

/** Ten significant digits: what a finding's numbers mean, without the last bits of floating point. */
const num = (x: number) => Number(x.toPrecision(10));
const interval = (i: Interval) => `${i.lowOpen ? '(' : '['}${num(i.low)}, ${num(i.high)}${i.highOpen ? ')' : ']'}`;

/** What the golden file keeps of a finding: everything but the sentence that explains it. */
const finding = (d: Discrepancy) => ({
  id: d.id,
  rule: d.rule,
  severity: d.severity,
  metric: d.metric,
  period: d.period,
  claims: d.claims.map((c) => ({ claim: c.claim, source: c.source, printed: c.printed, value: num(c.value), unit: c.unit, interval: interval(c.interval) })),
  ...(d.gap !== undefined ? { gap: num(d.gap) } : {}),
  ...(d.implied ? { implied: { value: num(d.implied.value), unit: d.implied.unit, interval: interval(d.implied.interval) } } : {}),
});

describe('the discrepancies of each dataset in data/', () => {
  it('finds the datasets', () => {
    expect(datasets.length).toBeGreaterThan(0);
  });

  it.each(datasets)('%s', (name) => {
    const found = loadReview(join(dataDir, name)).discrepancies.discrepancies.map(finding);
    const text = `${JSON.stringify(found, null, 2)}\n`;
    const golden = join(goldenDir, `${name}.json`);
    if (process.env.UPDATE) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, text);
    }
    expect(existsSync(golden), `${golden} is missing: run UPDATE=1 npx vitest run tests/analysis/golden.test.ts, then review it`).toBe(true);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});
