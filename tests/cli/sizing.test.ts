// V8 sized for the dataset (src/cli/sizing.ts): its young generation kept small (for a large review, let grow a little
// while its pages are begun), its optimizing compiler kept for the hottest functions for an ordinary review, as V8 sets
// it for a large one; its old generation as V8 sets it for an ordinary review, collected more often for a large one,
// and more often still once its layout has ended. Each case runs in a process of its own, since the settings are the process's, and reads from V8 how large the
// young generation became while objects kept surviving, and how often the old generation was collected while objects
// that had lived a while kept going; and whether a large review's heap is collected in full as each stage of a build ends.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { datasetBytes, SMALL_DATASET } from '../../src/cli/sizing.js';

const work = mkdtempSync(join(tmpdir(), 'annual-review-heap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const large = join(work, 'large');
mkdirSync(large);
writeFileSync(join(large, 'claims.yaml'), 'x'.repeat(SMALL_DATASET + 1));
const defaultDataset = join(packageRoot, 'data', 'vietnam-2025');

/** The largest the young generation became, in MB, after `setup` (an expression on the module `h`), while objects kept surviving. */
function youngAfter(setup: string): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const h = await import(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'sizing.js'))});
    ${setup};
    const kept = [];
    let most = 0;
    for (let i = 0; i < 300000; i++) {
      kept.push({ i, text: 'x' + i });
      // A page begun, for a build's pages.
      if (i % 1000 === 0) globalThis.onPage?.();
      if (i % 1000 === 0) most = Math.max(most, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(most / 2 ** 20);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/**
 * How many times the old generation was collected after `setup`, while objects that lived long enough to reach it
 * (through a few thousand more) kept going; the young generation is kept small in every case, so that they do. A count
 * rather than a size: how far the heap grows while a collection is under way depends on the machine's load.
 */
function oldCollectionsAfter(setup: string, ring = 40000, made = 2000000): number {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    const h = await import(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'sizing.js'))});
    ${setup};
    setFlagsFromString('--semi-space-growth-factor=1');
    let collections = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) collections++;
    });
    observer.observe({ entryTypes: ['gc'] });
    const ring = new Array(${ring});
    for (let i = 0; i < ${made}; i++) ring[i % ring.length] = { i, text: 'x' + i };
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    console.log(collections);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/**
 * How many calls of a small function V8 took to optimize it after `setup`. The optimizing compiler runs on the main
 * thread here, so that the count does not depend on how soon another thread finishes.
 */
function callsUntilOptimized(setup: string): number {
  const script = `
    const h = await import(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'sizing.js'))});
    ${setup};
    const hot = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; };
    const turbofanned = () => (%GetOptimizationStatus(hot) & 16) !== 0;
    let calls = 0;
    while (!turbofanned() && calls < 10000000) { hot(100); calls++; }
    console.log(calls);`;
  return Number(execFileSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/**
 * What `measure` gives under V8's defaults, under the command line's settings from its start, and then for the
 * default dataset, and for it with a large one (the largest decides).
 */
function underEachSetting(measure: (setup: string) => number) {
  return {
    byV8: measure(''),
    atStart: measure('h.sizeForSmallReview()'),
    small: measure(`h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(defaultDataset)})`),
    large: measure(`h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(defaultDataset)}, ${JSON.stringify(large)})`),
  };
}

/** At least `factor` times V8's value from the start and for a small dataset; under `largeBelow` times it for a large one. */
function expectSmallReviewOnly(values: ReturnType<typeof underEachSetting>, factor: number, largeBelow: number): void {
  expect(values.atStart).toBeGreaterThanOrEqual(factor * values.byV8);
  expect(values.small).toBeGreaterThanOrEqual(factor * values.byV8);
  expect(values.large).toBeLessThan(largeBelow * values.byV8);
}

describe('the heap', () => {
  it("is sized by the size of the dataset's files", () => {
    expect(datasetBytes(large)).toBe(SMALL_DATASET + 1);
    expect(datasetBytes(defaultDataset)).toBeGreaterThan(10_000);
    expect(datasetBytes(defaultDataset)).toBeLessThan(SMALL_DATASET);
    expect(datasetBytes(join(work, 'missing'))).toBe(0);
  });

  it("keeps the young generation at its first size from the start, for a small dataset and for a large review's build; grows it as by default for a large dataset otherwise", () => {
    const young = underEachSetting(youngAfter);
    expect(young.byV8).toBeGreaterThanOrEqual(4 * young.atStart);
    expect(young.small).toBe(young.atStart);
    expect(young.large).toBeGreaterThanOrEqual(4 * young.atStart);
    expect(youngAfter(`h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(large)}); h.sizedStages()`)).toBe(young.atStart);
    // And as by default again once the build has ended.
    const built = `h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(large)}); const { onStage } = h.sizedStages(); for (const s of ['layout', 'pdf']) onStage(s, 1)`;
    expect(youngAfter(built)).toBeGreaterThanOrEqual(4 * young.atStart);
  });

  it("lets a large review's young generation grow while its pages are begun, to two halves of 4 MB, less than V8 would", () => {
    const pages = (dataset: string) => `h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(dataset)}); globalThis.onPage = h.sizedStages().onPage`;
    const atStart = youngAfter('h.sizeForSmallReview()');
    const byV8 = youngAfter('');
    expect(youngAfter(pages(large))).toBeGreaterThanOrEqual(4 * atStart);
    expect(youngAfter(pages(large))).toBeLessThanOrEqual(8);
    expect(byV8).toBeGreaterThan(8);
    // A small review is told no page.
    expect(youngAfter(pages(defaultDataset))).toBe(atStart);
    // Once the layout has ended, it grows no more.
    const laidOut = `h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(large)}); const stages = h.sizedStages(); stages.onStage('layout', 1); globalThis.onPage = stages.onPage`;
    expect(youngAfter(laidOut)).toBe(atStart);
  });

  it('collects the old generation as V8 does by default from the start and for a small dataset; more often for a large one', () => {
    const collections = underEachSetting(oldCollectionsAfter);
    expect(collections.byV8).toBeGreaterThan(2);
    for (const setting of [collections.atStart, collections.small]) expect(setting).toBeLessThan(1.25 * collections.byV8);
    // Whenever it has grown by three quarters, where V8 lets it grow up to fourfold.
    expect(collections.large).toBeGreaterThanOrEqual(1.5 * collections.byV8);
  });

  it("collects a large review's old generation more often still once its layout has ended, and as before after its PDF", () => {
    const large_ = `h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(large)}); const stages = h.sizedStages()`;
    // More that lives (some 25 MB), so that the quarter is more than V8's least growth.
    const building = oldCollectionsAfter(large_, 400000, 4000000);
    const writing = oldCollectionsAfter(`${large_}; stages.onStage('layout', 1)`, 400000, 4000000);
    // Whenever it has grown by a quarter, where it grew by three quarters.
    expect(writing).toBeGreaterThanOrEqual(1.5 * building);
    const next = oldCollectionsAfter(`${large_}; stages.onStage('layout', 1); stages.onStage('pdf', 1)`, 400000, 4000000);
    expect(next).toBeLessThan(1.25 * building);
  });
});

describe('the optimizing compiler', () => {
  it('waits for eight times the running from the start, and for a small dataset; as by default for a large one', () => {
    const calls = underEachSetting(callsUntilOptimized);
    expect(calls.byV8).toBeGreaterThan(10);
    expectSmallReviewOnly(calls, 6, 1.5);
  });
});

/**
 * The full collections a build's stages end with, counted from V8's own reports (forced ones alone), when `onStage`
 * is called for five stages after `setup`; and whether the stage's own callback was still told each stage.
 */
function forcedCollectionsAfter(setup: string): { forced: number; told: number; gcInNewContext: string } {
  const script = `
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    import { runInNewContext } from 'node:vm';
    const h = await import(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'sizing.js'))});
    ${setup};
    let forced = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && entry.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced++;
    });
    observer.observe({ entryTypes: ['gc'] });
    let told = 0;
    const { onStage } = h.sizedStages(() => told++);
    for (const stage of ['load+analyse', 'template+markup', 'charts', 'layout', 'pdf']) onStage?.(stage, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    console.log(JSON.stringify({ forced, told, gcInNewContext: runInNewContext('typeof gc') }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as ReturnType<typeof forcedCollectionsAfter>;
}

describe('a build in stages', () => {
  it('collects the heap in full as each stage ends for a large dataset only, and still tells the stage', () => {
    const small = forcedCollectionsAfter(`h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(defaultDataset)})`);
    const big = forcedCollectionsAfter(`h.sizeForSmallReview(); h.sizeForDatasets(${JSON.stringify(large)})`);
    expect(small).toEqual({ forced: 0, told: 5, gcInNewContext: 'undefined' });
    expect(big.forced).toBeGreaterThanOrEqual(5);
    expect(big.told).toBe(5);
    // The setting that offers `gc` is set back: a context made afterwards has none.
    expect(big.gcInNewContext).toBe('undefined');
  });
});
