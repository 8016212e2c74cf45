// Starting the program. The built command line is one CommonJS file, dist/cli/app.cjs (scripts/bundle.mjs): it is
// compiled here with V8's code cache, kept in the cache folder's code/ beside charts and shaped text, so that a later
// start neither parses the program nor compiles again the functions an earlier run of the same command compiled.
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
import { sizeForSmallReview } from './sizing.js';

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
 * The code cache's file: one per command (each compiles its own functions), named by the program's file and the
 * Node version and platform; V8 refuses data made by another V8 or from another text, and it is then made again.
 */
function codeCacheFile(app: string, args: readonly string[]): string | undefined {
  const dir = cacheDirOf(args);
  if (dir === undefined) return undefined;
  const { size, mtimeMs } = statSync(app);
  const command = /^[a-z-]+$/.test(args[0] ?? '') ? args[0]! : 'other';
  const id = createHash('sha256').update(`${app} ${size} ${mtimeMs} ${process.version} ${process.arch}`).digest('hex').slice(0, 32);
  return join(dir, 'code', `${id}-${command}.bin`);
}

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
  const cacheFile = codeCacheFile(app, args);
  let cachedData = readable(cacheFile);
  // Read as bytes, then decoded: Node 20's one-step UTF-8 read of a file this size takes about 8 ms more. The file is
  // the program wrapped as CommonJS's function (scripts/bundle.mjs): compiled as it is read, with no joined copy. It
  // is ASCII (the bundle script refuses any other character), so decoded as Latin-1, byte for character: the same
  // string as UTF-8 gives, 4 ms sooner.
  const script = new Script(readFileSync(app).toString('latin1'), {
    filename: app,
    ...(cachedData ? { cachedData } : {}),
  });
  // Read once compiled: not held (a few MB) while the command runs.
  const hadCache = cachedData !== undefined;
  cachedData = undefined;
  // Parts of packages it almost never uses wait for their first use: see deferred.ts.
  deferRarelyUsed(app);
  // The ES module packages it imports (pdf.js, open): see esm.ts.
  provideImport((specifier) => import(specifier));
  const module = { exports: {} as { main?: typeof Main } };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(app), module, app, dirname(app));
  const status = await module.exports.main!([...args]);
  if (cacheFile && (!hadCache || script.cachedDataRejected)) {
    // After the run, the data holds the functions it compiled as well as the program's top level; made under the
    // settings the next start compiles under (a large dataset's command changed them).
    sizeForSmallReview();
    const { keepInCache } = await import('../output/index.js');
    keepInCache(cacheFile, script.createCachedData());
    // The same command's data for an earlier build of the program or another Node is of no more use.
    // Names are the 32 digits of the program's identity, "-", the command.
    const command = basename(cacheFile).slice(33);
    try {
      for (const old of readdirSync(dirname(cacheFile))) if (old.slice(33) === command && old !== basename(cacheFile)) rmSync(join(dirname(cacheFile), old), { force: true });
    } catch {
      // Left for a later run: a cache folder that cannot be read or written costs only space.
    }
  }
  return status;
}
