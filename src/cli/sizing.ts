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
// A large review keeps V8's budget for the optimizing compiler: its run is long enough to repay optimizing what it
// runs. A command that lays nothing out (validate, verify, discrepancies) also leaves the young generation to V8. A
// large review's build (`sizedStages`) keeps it at its first size, but while the layout begins its pages, when it may
// grow to two halves of 4 MB (`LARGE_YOUNG_BYTES`): the layout makes the PDF's objects, which live to its end, and
// promoted too early by the smallest young generation they made the old generation's collections cost more (×100 from
// the cache folder, 3 interleaved rounds: 7.2–7.4 s kept small throughout, 6.5–6.9 s so, for 6 MB more). V8 grows it by
// a factor it reads as it grows, and cannot be told a largest size once started, so the layout tells the command line
// each page it begins after the first (`BuildOptions.onPage`), which lets it grow while it is under that size: the
// layout reads its fonts before the first, which live to its end, and let grow then it passed that size (2 × 8 MB)
// before the second page was told. The old generation is collected whenever it has grown by three quarters
// (`LARGE_GROWTH_PERCENT`) instead of by the factor V8 chooses, which reached four: a first build of the ×100 dataset
// let it grow from 248 MB that survived to 931 MB before collecting it at the end of the layout. ×100, empty cache
// folder: peak RSS 1198–1205 → 771–777 MB, 22.2–24.2 → 24.4–24.5 s; from the cache folder, 507–660 → 509–511 MB,
// 7.0–7.4 → 7.3–7.4 s. By half, the first build peaked at 718–730 MB in the same time, but a build from the cache
// folder took 7.7–8.0 s. Once the layout has ended, what lives hardly grows (the PDF's last objects are written and
// go), so it is collected whenever it has grown by a quarter (`WRITING_GROWTH_PERCENT`). And the heap is collected in
// full as each stage of the build ends. V8 collects the old generation once it has grown by a factor of what survived
// the last collection, and a large review's stages each leave much behind (the template's strings, the Markdown's
// syntax tree, Vega's views), on which the next stage's growth came. Collected as a stage ends, the next starts from
// what lives. The ×100 dataset, 4 interleaved cached builds: peak RSS 773–803 → 704–726 MB, time the same (6.8–7.3 s
// against 6.8–7.0). The young generation kept small but for the layout, and the old one collected by the quarter once
// it has ended, 4 interleaved rounds from the cache folder: peak RSS 400–423 → 352–364 MB, 6.3–6.9 → 6.6–7.0 s; a first
// build 655–777 → 588–589 MB, 22.5–22.9 → 25.1 s.
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
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

/** The same, once a large review's layout has ended. */
const WRITING_GROWTH_PERCENT = 25;

/** The most a large review's young generation grows to while its layout makes its pages: both halves' bytes. */
const LARGE_YOUNG_BYTES = 8 * 1024 * 1024;

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

/** V8's settings: the young generation's growth factor, the optimizing compiler's budget, the old generation's growth. */
interface Settings {
  small: boolean;
  youngGrowth: number;
  oldGrowthPercent: number;
}

/** Small: the young generation kept at its first size, functions optimized on eight times V8's budget, the old generation as V8 grows it. */
const SMALL: Settings = { small: true, youngGrowth: 1, oldGrowthPercent: 0 };
/** Large: V8's budget and young generation; the old generation collected by three quarters. */
const LARGE: Settings = { small: false, youngGrowth: V8_GROWTH, oldGrowthPercent: LARGE_GROWTH_PERCENT };
/** A large review's build until its layout ends: the young generation at its first size (but see `onPage`). */
const BUILDING: Settings = { ...LARGE, youngGrowth: 1 };
/** A large review's build once its layout has ended: the old generation collected by the quarter. */
const WRITING: Settings = { ...BUILDING, oldGrowthPercent: WRITING_GROWTH_PERCENT };

/**
 * V8's settings of the moment, kept on the process: the start (dist/cli/start.js) and the bundled program each have a
 * copy of this module, and the program's sizes V8 for a large dataset.
 */
const SETTINGS = Symbol.for('annual-review.v8-settings');
const held = globalThis as { [SETTINGS]?: Settings };

function size(settings: Settings): void {
  held[SETTINGS] = settings;
  setFlagsFromString(`--semi-space-growth-factor=${settings.youngGrowth}`);
  setFlagsFromString(`--interrupt-budget=${settings.small ? SMALL_BUDGET : V8_BUDGET}`);
  setFlagsFromString(`--heap-growing-percent=${settings.oldGrowthPercent}`);
}

/**
 * Sized for a small review: from the start of the command line, before the program loads. Again before its code cache
 * is written: V8 marks the cache with the settings of that moment and refuses it to a start made under others.
 */
export function sizeForSmallReview(): void {
  size(SMALL);
}

/**
 * `compile` run under a small review's settings, then those of the moment again: V8 marks code compiled from a cache
 * with its settings, and refuses a cache made under others. Every code cache is made under a small review's settings
 * (see `sizeForSmallReview`), so a large review's command that compiles a package while it runs compiles it so too.
 */
export function compiledAsForSmallReview<T>(compile: () => T): T {
  const now = held[SETTINGS];
  if (now?.small !== false) return compile();
  size(SMALL);
  try {
    return compile();
  } finally {
    size(now);
  }
}

/** Sized for a command on these datasets: for a small review while the largest is small; as V8 sizes it otherwise. */
export function sizeForDatasets(...dirs: string[]): void {
  const largest = Math.max(0, ...dirs.map(datasetBytes));
  size(largest <= SMALL_DATASET ? SMALL : LARGE);
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

/** What a build is told, from the command line (`BuildOptions.onStage` and `onPage`). */
export interface SizedStages {
  onStage?: OnStage;
  onPage?: () => void;
}

/** The young generation's bytes (both halves). */
const youngBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

/**
 * What a build tells, from the command line, made as the build starts: `onStage` as it is for a small review. For a
 * large one, V8 sized for each stage (see above): the young generation kept at its first size from now; as each
 * stage ends, the next stage's settings and a full collection of the heap, then `onStage`; as the layout begins each
 * page, the young generation let grow while it is under `LARGE_YOUNG_BYTES`. Once the build ends, a large review's
 * settings as the command set them (`sizeForDatasets`).
 */
export function sizedStages(onStage?: OnStage): SizedStages {
  if (held[SETTINGS]?.small !== false) return onStage ? { onStage } : {};
  size(BUILDING);
  // Whether the layout has ended (until the build does).
  let laidOut = false;
  return {
    onStage(stage, ms) {
      // Set before the collection, which sets the old generation's next limit by them.
      if (stage === 'layout') size(WRITING);
      else if (stage === 'pdf') size(LARGE);
      laidOut = stage === 'layout';
      collectInFull();
      onStage?.(stage, ms);
    },
    onPage() {
      const now = held[SETTINGS];
      if (!now || now.small || laidOut) return;
      const youngGrowth = youngBytes() < LARGE_YOUNG_BYTES ? V8_GROWTH : 1;
      if (youngGrowth !== now.youngGrowth) size({ ...now, youngGrowth });
    },
  };
}
