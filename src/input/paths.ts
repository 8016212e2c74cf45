// Where the package's own files are, whether running from src/ (tests) or dist/ (the CLI).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemaDir = join(packageRoot, 'schema');
export const builtinTemplateDir = join(packageRoot, 'templates', 'annual-review');
/** The skeleton `annual-review new` copies: a small dataset that validates, verifies and builds as it is. */
export const datasetSkeletonDir = join(packageRoot, 'templates', 'dataset');
export const defaultDataDir = join(packageRoot, 'data', 'vietnam-2025');

/**
 * Where the CLI keeps drawn charts, shaped text, hyphenated words, read YAML, compiled templates, parsed Markdown and
 * its compiled code between runs: $ANNUAL_REVIEW_CACHE_DIR, else `annual-review` in the user's cache folder
 * ($XDG_CACHE_HOME, else ~/.cache). Safe to delete at any time.
 */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.ANNUAL_REVIEW_CACHE_DIR) return env.ANNUAL_REVIEW_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'annual-review');
}

/** The cache folder the options name: none with `--no-cache`, the one given with `--cache-dir DIR`, else the default. */
export function cacheFolder(options: { noCache?: boolean; dir?: string }): string | undefined {
  if (options.noCache) return undefined;
  return options.dir === undefined ? defaultCacheDir() : resolve(options.dir);
}

const require = createRequire(import.meta.url);

/** An installed package's version, from the package.json above its entry point (packages need not export it). */
export function packageVersion(name: string): string | undefined {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const read = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (read.name === name) return read.version;
  }
  return undefined;
}

/**
 * The code that computes a kept result, as a hash: the versions of the packages it runs and its own files (in the
 * bundled command line, the bundle's), told apart by name, size and time of change. Any new version or rebuild
 * computes afresh, without reading the code on every run. Found once per process.
 */
export function codeIdentity(packages: readonly string[], dirs: readonly URL[]): string {
  const asked = JSON.stringify([packages, dirs.map((url) => url.href)]);
  const known = identities.get(asked);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(`${packages.map((name) => `${name} ${packageVersion(name) ?? '?'}`).join(' ')}\n`);
  for (const dir of dirs.map((url) => fileURLToPath(url))) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts'))
      .sort()) {
      const { size, mtimeMs } = statSync(join(dir, file));
      hash.update(`${file} ${size} ${mtimeMs}\n`);
    }
  }
  const identity = hash.digest('hex');
  identities.set(asked, identity);
  return identity;
}
/** Each code's identity, once per process. */
const identities = new Map<string, string>();

/** A path as the user should read it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
