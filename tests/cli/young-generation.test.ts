// V8's young generation sized for the dataset (src/cli/young-generation.ts): kept at its first size for an ordinary
// review, grown as V8 grows it for a large one. Each case runs in a process of its own, since the setting is the
// process's, and reads how large V8 let the young generation become while objects kept surviving.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { datasetBytes, SMALL_DATASET } from '../../src/cli/young-generation.js';

const work = mkdtempSync(join(tmpdir(), 'annual-review-young-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const large = join(work, 'large');
mkdirSync(large);
writeFileSync(join(large, 'claims.yaml'), 'x'.repeat(SMALL_DATASET + 1));
const defaultDataset = join(packageRoot, 'data', 'vietnam-2025');

/** The largest the young generation became, in MB, after `setup` (an expression on the module `y`). */
function youngGenerationAfter(setup: string): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const y = await import(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'young-generation.js'))});
    ${setup};
    const kept = [];
    let most = 0;
    for (let i = 0; i < 300000; i++) {
      kept.push({ i, text: 'x' + i });
      if (i % 1000 === 0) most = Math.max(most, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(most / 2 ** 20);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('the young generation', () => {
  it("is measured by the size of the dataset's files", () => {
    expect(datasetBytes(large)).toBe(SMALL_DATASET + 1);
    expect(datasetBytes(defaultDataset)).toBeGreaterThan(10_000);
    expect(datasetBytes(defaultDataset)).toBeLessThan(SMALL_DATASET);
    expect(datasetBytes(join(work, 'missing'))).toBe(0);
  });

  it('stays at its first size from the start, and for a small dataset; grows for a large one, as by default', () => {
    const grown = youngGenerationAfter('');
    const small = youngGenerationAfter('y.keepYoungGenerationSmall()');
    expect(grown).toBeGreaterThanOrEqual(4 * small);
    expect(youngGenerationAfter(`y.keepYoungGenerationSmall(); y.fitYoungGeneration(${JSON.stringify(defaultDataset)})`)).toBe(small);
    expect(youngGenerationAfter(`y.keepYoungGenerationSmall(); y.fitYoungGeneration(${JSON.stringify(defaultDataset)}, ${JSON.stringify(large)})`)).toBeGreaterThanOrEqual(4 * small);
  });
});
