// Where the package's own files are, whether running from src/ (tests) or dist/ (the CLI).
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemaDir = join(packageRoot, 'schema');
export const builtinTemplateDir = join(packageRoot, 'templates', 'annual-review');
/** The skeleton `annual-review new` copies: a small dataset that validates, verifies and builds as it is. */
export const datasetSkeletonDir = join(packageRoot, 'templates', 'dataset');
export const defaultDataDir = join(packageRoot, 'data', 'vietnam-2025');

/**
 * Where the CLI keeps drawn charts between runs: $ANNUAL_REVIEW_CACHE_DIR, else `annual-review` in the user's cache
 * folder ($XDG_CACHE_HOME, else ~/.cache). Safe to delete at any time.
 */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.ANNUAL_REVIEW_CACHE_DIR) return env.ANNUAL_REVIEW_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'annual-review');
}

/** A path as the user should read it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
