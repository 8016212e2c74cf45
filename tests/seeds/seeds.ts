// The folder of the real articles the default dataset was curated from. It is not part of the repository: the checks
// that need it run in .ci/run (vitest.seeds.config.ts), which fails, never skips, when the folder is missing.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/input/paths.js';

export const seedsDir = resolve(process.env.ANNUAL_REVIEW_SEEDS ?? join(packageRoot, '..', 'shared', 'seeds'));

export function requireSeeds(): string {
  if (!existsSync(seedsDir)) throw new Error(`the source articles are not at ${seedsDir}: these checks need them (set ANNUAL_REVIEW_SEEDS to their folder)`);
  return seedsDir;
}
