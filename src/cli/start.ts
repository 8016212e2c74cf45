// Starting the program. The built command line is one CommonJS file, dist/cli/app.cjs (scripts/bundle.mjs): it is
// compiled here with V8's code cache, kept in the cache folder's code/ beside charts and shaped text, so that a later
// start neither parses the program nor compiles again the functions an earlier run of the same command compiled; for
// a build, the program's own (dist/cli/code/, made by `npm run build`) serves a first run as well. The
// chart libraries are a second such file, dist/cli/vega.cjs, compiled with a cache of their own when first required.
// Without the bundle (the TypeScript compiler's output alone), the command line is imported as it is.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { provideImport } from '../esm.js';
import { cacheFolder } from '../input/paths.js';
import type { main as Main } from './cli.js';
import { deferRarelyUsed } from './deferred.js';
import { compiledAsForSmallReview, sizeForSmallReview } from './sizing.js';

/** The cache folder as the command's options name it (`--cache-dir DIR`, `--no-cache`), read before the program is. */
function cacheDirOf(args: readonly string[]): string | undefined {
  let given: string | undefined;
  for (let i = 0; i < args.length && given === undefined; i++) {
    const arg = args[i]!;
    if (arg === '--cache-dir') given = args[i + 1];
    else if (arg.startsWith('--cache-dir=')) given = arg.slice('--cache-dir='.length);
  }
  return cacheFolder({ noCache: args.includes('--no-cache'), ...(given === undefined ? {} : { dir: given }) });
}

/**
 * The name of a compiled bundle's code cache: the bundle's file and the Node version and platform, and `part` (the
 * command, whose run compiles its own functions; or the library bundle's name). V8 refuses data made by another V8 or
 * from another text, and it is then made again.
 */
function codeCacheName(file: string, part: string): string {
  const { size, mtimeMs } = statSync(file);
  const id = createHash('sha256').update(`${file} ${size} ${mtimeMs} ${process.version} ${process.arch}`).digest('hex').slice(0, 32);
  return `${id}-${part}.bin`;
}

/**
 * The program's own code cache, beside it: made by `npm run build` (scripts/code-cache.mjs), which builds a sample
 * review with the program it has just bundled, so that a first build finds the functions a build runs compiled. Read
 * only; a command with none, or whose V8 refuses it (another Node), keeps its own in the cache folder.
 */
const SHIPPED_CODE = fileURLToPath(new URL('./code/', import.meta.url));

/** Where a bundle's code cache is read from: the cache folder's, then the program's own. */
interface CodeCache {
  kept: string | undefined;
  shipped: string;
}

function codeCacheOf(file: string, part: string, args: readonly string[]): CodeCache {
  const name = codeCacheName(file, part);
  const dir = cacheDirOf(args);
  return { kept: dir === undefined ? undefined : join(dir, 'code', name), shipped: join(SHIPPED_CODE, name) };
}

/** A bundle compiled from its code cache when there is one, and what to write the cache with after the run. */
interface Compiled {
  script: Script;
  cacheFile: string | undefined;
  /** Where the data it was compiled with came from, if any. */
  from: 'kept' | 'shipped' | undefined;
}

/**
 * True when the bundle's cache is to be written into the cache folder after the run: it was compiled without data of
 * its own there or the program's, or V8 refused what it was given.
 */
const unkept = (c: Compiled) => c.cacheFile !== undefined && (c.from === undefined || c.script.cachedDataRejected === true);

/** CommonJS's function around a module's text, as Node wraps it. */
const asFunction = (text: string) => `(function (exports, require, module, __filename, __dirname) { ${text}\n});`;

/**
 * A bundle compiled from its code cache when there is one. A bundle of ours is wrapped as CommonJS's function already
 * (scripts/bundle.mjs), and ASCII; a package's file (`wrap`) is read as UTF-8 and wrapped here.
 */
function compile(file: string, cache: CodeCache, wrap = false): Compiled {
  let found = readCode(cache);
  // Read as bytes, then decoded: Node 20's one-step UTF-8 read of a file this size takes about 8 ms more. Our bundle is
  // compiled as it is read, with no joined copy; it is ASCII (the bundle script refuses any other character), so
  // decoded as Latin-1, byte for character: the same string as UTF-8 gives, 4 ms sooner.
  const text = wrap ? asFunction(readFileSync(file).toString('utf8')) : readFileSync(file).toString('latin1');
  const script = new Script(text, { filename: file, ...(found ? { cachedData: found.data } : {}) });
  const from = found?.from;
  // Read once compiled: not held (a few MB) while the command runs.
  found = undefined;
  return { script, cacheFile: cache.kept, from };
}

/** A bundle's code cache: the cache folder's, else the program's own, with where it came from. */
function readCode(cache: CodeCache): { data: Buffer; from: 'kept' | 'shipped' } | undefined {
  const kept = readable(cache.kept);
  if (kept) return { data: kept, from: 'kept' };
  const shipped = readable(cache.shipped);
  return shipped && { data: shipped, from: 'shipped' };
}

/** Runs a compiled bundle as CommonJS runs a module, and gives its exports. */
function run(compiled: Compiled, file: string, require: NodeJS.Require): unknown {
  const module = { exports: {} };
  (compiled.script.runInThisContext() as (...a: unknown[]) => void)(module.exports, require, module, file, dirname(file));
  return module.exports;
}

/**
 * After the run, the cache of a bundle compiled without one (or with one V8 refused: see `unkept`) is written: it holds the
 * functions the run compiled as well as the bundle's top level, and is made under the settings the next start compiles
 * under (a large dataset's command changed them).
 */
function keepCode({ script, cacheFile }: Compiled, keepInCache: (path: string, bytes: Uint8Array) => void): void {
  if (cacheFile) keepInCache(cacheFile, script.createCachedData());
}

/**
 * Removes the cache folder's code caches of the parts of `current` (the files of this build of the program and this
 * Node) made by another build or another Node: of no more use once the run wrote its own or started from the
 * program's. The folder is read once for them all.
 */
function forgetOlderCode(current: readonly string[]): void {
  if (current.length === 0) return;
  const dir = dirname(current[0]!);
  const names = new Set(current.map((file) => basename(file)));
  // Names are the 32 digits of the bundle's identity, "-", the part.
  const parts = new Set([...names].map((name) => name.slice(33)));
  try {
    for (const old of readdirSync(dir)) if (parts.has(old.slice(33)) && !names.has(old)) rmSync(join(dir, old), { force: true });
  } catch {
    // None yet, or left for a later run: a cache folder that cannot be read or written costs only space.
  }
}

/**
 * The chart libraries, bundled apart in dist/cli/vega.cjs (scripts/bundle.mjs), by the names the program requires
 * them under: the bundle is compiled, with its own code cache, the first time a chart is drawn. A build whose charts
 * come from the cache folder neither reads it nor loads its compiled code (1.2 MB of the program's) with the program's.
 */
const LIBRARIES: Readonly<Record<string, string>> = { vega: 'vega', 'vega-lite': 'vegaLite', 'vega-interpreter': 'interpreter' };

/**
 * Packages the program requires as they are installed (scripts/bundle.mjs keeps them out of the bundle), compiled
 * here with a code cache of their own, as the program is: Node compiles a package's CommonJS file afresh at every
 * start (fontkit's 570 KB, pdfkit's 240 KB, linebreak's 70 KB). Each is found as Node finds it from the module that
 * requires it, loaded once per file, and requires its own dependencies through Node.
 */
const CACHED_PACKAGES = new Set(['pdfkit', 'fontkit', 'linebreak']);

function readable(file: string | undefined): Buffer | undefined {
  try {
    return file === undefined ? undefined : readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * V8 drops the bytecode of a function not run for a few of its collections, and the code cache written after a run
 * holds only the functions that still have theirs. The program's top level and its modules' initialisers run once, at
 * the start: a first build dropped them (over a thousand functions) before the run ended, and every later start from
 * that cache parsed the 2.6 MB program again to run them (about 70 ms). A command runs for seconds: nothing is dropped.
 */
function keepBytecode(): void {
  setFlagsFromString('--no-flush-bytecode');
}

/** Runs the command line on `args` and returns its exit code. */
export async function start(args: readonly string[]): Promise<number> {
  // Small until a command sees a large dataset: see sizing.ts.
  sizeForSmallReview();
  keepBytecode();
  const app = fileURLToPath(new URL('./app.cjs', import.meta.url));
  if (!existsSync(app)) return (await import('./cli.js')).main([...args]);
  const command = /^[a-z-]+$/.test(args[0] ?? '') ? args[0]! : 'other';
  const program = compile(app, codeCacheOf(app, command, args));
  const compiled = [program];
  const appRequire = createRequire(app);
  const packages = new Map<string, unknown>();
  /** `from` (its `resolve` and the rest as they are), with the packages above compiled from their code cache. */
  const requiring = (from: NodeJS.Require): NodeJS.Require =>
    Object.assign((id: string): unknown => {
      if (!CACHED_PACKAGES.has(id)) return from(id) as unknown;
      const file = from.resolve(id);
      if (!packages.has(file)) {
        const compiledPackage = compiledAsForSmallReview(() => compile(file, codeCacheOf(file, `package-${id}`, args), true));
        compiled.push(compiledPackage);
        packages.set(file, run(compiledPackage, file, requiring(createRequire(file))));
      }
      return packages.get(file);
    }, from);
  const vega = fileURLToPath(new URL('./vega.cjs', import.meta.url));
  let libraries: Record<string, unknown> | undefined;
  const appRequiring = requiring(appRequire);
  const require = Object.assign((id: string): unknown => {
    const name = LIBRARIES[id];
    if (name === undefined || !existsSync(vega)) return appRequiring(id);
    if (!libraries) {
      const bundle = compiledAsForSmallReview(() => compile(vega, codeCacheOf(vega, 'library-vega', args)));
      compiled.push(bundle);
      libraries = run(bundle, vega, appRequiring) as Record<string, unknown>;
    }
    return libraries[name];
  }, appRequire);
  // Parts of packages it almost never uses wait for their first use: see deferred.ts.
  deferRarelyUsed(app);
  // The ES module packages it imports (pdf.js, open): see esm.ts.
  provideImport((specifier) => import(specifier));
  const { main } = run(program, app, require) as { main: typeof Main };
  const status = await main([...args]);
  const toKeep = compiled.filter(unkept);
  if (toKeep.length) {
    // Made under the settings the next start compiles under (a large dataset's command changed them).
    sizeForSmallReview();
    const { keepInCache } = await import('../output/index.js');
    for (const c of toKeep) keepCode(c, keepInCache);
  }
  forgetOlderCode(compiled.flatMap((c) => (c.cacheFile !== undefined && (unkept(c) || c.from === 'shipped') ? [c.cacheFile] : [])));
  return status;
}
