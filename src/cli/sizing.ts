// V8 sized for the review: its heap, and when it compiles a function with its optimizing compiler. A build of a
// review of ordinary size makes its long-lived objects (fonts, the layout, the PDF's objects) little by little
// throughout, and much that lives a while and then goes (a chart's parsed SVG, the words of a page):
// - The young generation, where new objects are made and collected by copying the ones that survive, starts small
//   and doubles, up to 16 MB a half, as objects survive. Kept at its first size, it is collected more often, but each
//   time in the processor's caches, and never takes the 2 × 16 MB. Measured on the default review (12 cold builds
//   each, interleaved): peak RSS 164 → 139 MB, CPU time 5 % less.
// - The old generation is left to V8, which collects it when it has grown by a factor it chooses after each
//   collection, up to 4 for a small heap. Collected whenever it had grown by a quarter, as it was when a build took
//   over a second (peak RSS 129.7 → 118.0 MB then), a build from the cache folder now collects it three times instead
//   of once, for the same peak: default review, 6 interleaved rounds of 6 cold builds, 347 → 337 ms, peak RSS
//   101 → 102 MB; a first build (empty cache folder) 1.6 → 1.4 s, 150 → 164 MB; the ×10 review 1.07 → 1.00 s,
//   134 → 151 MB.
// - V8 compiles a function with TurboFan, its optimizing compiler, on another thread, once it has run a budget of
//   bytecode. A build lasts a second or two: much of what TurboFan compiled was hardly used after, and it took the
//   other core from the collector and the memory of its code. With eight times V8's budget, only the hottest
//   functions are compiled so. Default review (8 cold builds each, interleaved): CPU 1.72 → 1.43 s, wall 1.23 → 1.18
//   s, peak RSS 115 → 109 MB; the ×10 review: CPU 3.8 → 3.3 s, wall 2.59 → 2.47 s. Without TurboFan at all, the
//   default review took less still (CPU 1.29 s, 99 MB), but the ×10 review 4.2 s instead of 3.4.
// A large review is left to V8's defaults for the young generation and the optimizing compiler: its objects, promoted
// early by a small young generation, make the old generation's collections cost more (the ×100 dataset: 24–26 s by
// default, 31–36 s kept small), and its run is long enough to repay optimizing what it runs. Its old generation is
// collected whenever it has grown by three quarters (`LARGE_GROWTH_PERCENT`) instead of by the factor V8 chooses,
// which reached four: a first build of the ×100 dataset let it grow from 248 MB that survived to 931 MB before
// collecting it at the end of the layout. ×100, empty cache folder: peak RSS 1198–1205 → 771–777 MB, 22.2–24.2 →
// 24.4–24.5 s; from the cache folder, 507–660 → 509–511 MB, 7.0–7.4 → 7.3–7.4 s. By half, the first build peaked at
// 718–730 MB in the same time, but a build from the cache folder took 7.7–8.0 s. And its heap is collected in full as
// each stage of its build ends (`collectingBetweenStages`). V8 collects the old generation once it has grown by a factor of what
// survived the last collection, and a large review's stages each leave much behind (the template's strings, the
// Markdown's syntax tree, Vega's views), on which the next stage's growth came. Collected as a stage ends, the next
// starts from what lives. The ×100 dataset, 4 interleaved cached builds: peak RSS 773–803 → 704–726 MB, time the
// same (6.8–7.3 s against 6.8–7.0).
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A dataset of at most this many bytes is built as a small review. */
export const SMALL_DATASET = 512 * 1024;

/** V8's own factor (Node 20), by which the young generation grows. */
const V8_GROWTH = 2;

/** V8's own budget (Node 20): the bytes of bytecode a function runs before V8 considers optimizing it. */
const V8_BUDGET = 67584;

/**
 * How much a large review's old generation grows, in per cent of what survived its last collection, before it is
 * collected again (0 is V8's own choice, up to four times as much).
 */
const LARGE_GROWTH_PERCENT = 75;

/** The budget for a small review's build. */
const SMALL_BUDGET = 8 * V8_BUDGET;

/** The size of the files directly in the dataset's folder (what a build reads); 0 when it cannot be read. */
export function datasetBytes(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) total += statSync(join(dir, entry.name)).size;
  } catch {
    return 0;
  }
  return total;
}

/**
 * Whether V8 is sized for a small review now, kept on the process: the start (dist/cli/start.js) and the bundled
 * program each have a copy of this module, and the program's sizes V8 for a large dataset.
 */
const SIZED_SMALL = Symbol.for('annual-review.sized-small');
const sized = globalThis as { [SIZED_SMALL]?: boolean };

/** Small: the young generation kept at its first size, functions optimized on eight times V8's budget. Otherwise V8's defaults. */
function size(small: boolean): void {
  sized[SIZED_SMALL] = small;
  setFlagsFromString(`--semi-space-growth-factor=${small ? 1 : V8_GROWTH}`);
  setFlagsFromString(`--interrupt-budget=${small ? SMALL_BUDGET : V8_BUDGET}`);
  setFlagsFromString(`--heap-growing-percent=${small ? 0 : LARGE_GROWTH_PERCENT}`);
}

/**
 * Sized for a small review: from the start of the command line, before the program loads. Again before its code cache
 * is written: V8 marks the cache with the settings of that moment and refuses it to a start made under others.
 */
export function sizeForSmallReview(): void {
  size(true);
}

/**
 * `compile` run under a small review's settings, then those of the moment again: V8 marks code compiled from a cache
 * with its settings, and refuses a cache made under others. Every code cache is made under a small review's settings
 * (see `sizeForSmallReview`), so a large review's command that compiles a package while it runs compiles it so too.
 */
export function compiledAsForSmallReview<T>(compile: () => T): T {
  if (sized[SIZED_SMALL] !== false) return compile();
  size(true);
  try {
    return compile();
  } finally {
    size(false);
  }
}

/** Sized for a command on these datasets: for a small review while the largest is small; as V8 sizes it otherwise. */
export function sizeForDatasets(...dirs: string[]): void {
  const largest = Math.max(0, ...dirs.map(datasetBytes));
  size(largest <= SMALL_DATASET);
}

/** V8's full collection, as `gc()` runs it, once asked for: from a context made while V8 was told to offer it. */
let fullCollection: (() => void) | undefined;

function collectInFull(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    try {
      fullCollection = runInNewContext('gc') as () => void;
    } finally {
      // Set back at once: no context made later (a worker thread's) is given a `gc` of its own.
      setFlagsFromString('--no-expose-gc');
    }
  }
  fullCollection();
}

type OnStage = (stage: string, ms: number) => void;

/**
 * What a build tells at the end of each stage (`BuildOptions.onStage`): `onStage` as it is for a small review; for a
 * large one, a full collection of the heap first (see above).
 */
export function collectingBetweenStages(onStage?: OnStage): OnStage | undefined {
  if (sized[SIZED_SMALL] !== false) return onStage;
  return (stage, ms) => {
    collectInFull();
    onStage?.(stage, ms);
  };
}
