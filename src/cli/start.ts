// Starting the program. The built command line is one CommonJS file, dist/cli/app.cjs (scripts/bundle.mjs): it is
// compiled here with V8's code cache, kept in the cache folder's code/ beside charts and shaped text, so that a later
// start neither parses the program nor compiles again the functions an earlier run of the same command compiled.
// Without the bundle (the TypeScript compiler's output alone), the command line is imported as it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { provideImport } from '../esm.js';
import { defaultCacheDir } from '../input/paths.js';
import type { main as Main } from './cli.js';

/** The cache folder as the command's options name it (`--cache-dir DIR`, `--no-cache`), read before the program is. */
function cacheDirOf(args: readonly string[]): string | undefined {
  if (args.includes('--no-cache')) return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--cache-dir' && args[i + 1] !== undefined) return resolve(args[i + 1]!);
    if (arg.startsWith('--cache-dir=')) return resolve(arg.slice('--cache-dir='.length));
  }
  return defaultCacheDir();
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

/** Runs the command line on `args` and returns its exit code. */
export async function start(args: readonly string[]): Promise<number> {
  const app = fileURLToPath(new URL('./app.cjs', import.meta.url));
  if (!existsSync(app)) return (await import('./cli.js')).main([...args]);
  const cacheFile = codeCacheFile(app, args);
  const cachedData = readable(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(app, 'utf8')}\n})`, {
    filename: app,
    ...(cachedData ? { cachedData } : {}),
  });
  // The ES module packages it imports (pdf.js, open): see esm.ts.
  provideImport((specifier) => import(specifier));
  const module = { exports: {} as { main?: typeof Main } };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(app), module, app, dirname(app));
  const status = await module.exports.main!([...args]);
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // After the run, the data holds the functions it compiled as well as the program's top level.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
      // The same command's data for an earlier build of the program or another Node is of no more use.
      // Names are the 32 digits of the program's identity, "-", the command.
      const command = basename(cacheFile).slice(33);
      for (const old of readdirSync(dirname(cacheFile))) if (old.slice(33) === command && old !== basename(cacheFile)) rmSync(join(dirname(cacheFile), old), { force: true });
    } catch {
      // A cache is an optimisation: a read-only or full disk costs time, never the run.
    }
  }
  return status;
}
