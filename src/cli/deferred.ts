// Parts of packages the command line loads with them and almost never uses, stood in for until first used. fontkit
// loads a Brotli decoder, which decodes its dictionary as it loads, for WOFF2 fonts alone; pdfkit loads AES for
// encrypted PDFs alone. Together they cost a start-up about 30 ms. The stand-in loads the real module the first time
// it is called or a property of it is read, and passes everything on to it from then on.
import { createRequire } from 'node:module';

/** Each part, and the package that loads it (its path is resolved from that package, wherever npm placed it). */
export const DEFERRED: readonly (readonly [owner: string, part: string])[] = [
  ['fontkit', 'brotli/decompress.js'],
  ['pdfkit', '@noble/ciphers/aes'],
];

type Loaded = (...args: unknown[]) => unknown;

/**
 * A stand-in for the CommonJS module at `path`, put in `require`'s cache, so that whoever requires it gets the
 * stand-in. Does nothing when the module is loaded already. Returns whether the stand-in was put in.
 */
export function defer(require: NodeJS.Require, path: string): boolean {
  if (require.cache[path]) return false;
  let real: Loaded | undefined;
  const load = (): Loaded => {
    if (real === undefined) {
      if (require.cache[path]?.exports === standIn) Reflect.deleteProperty(require.cache, path);
      real = require(path) as Loaded;
    }
    return real;
  };
  // An arrow function has no own property a proxy must report as it is (a function's `prototype` is one).
  const standIn: unknown = new Proxy(() => undefined, {
    apply: (_target, self, args) => Reflect.apply(load(), self, args),
    get: (_target, key) => Reflect.get(load(), key) as unknown,
    has: (_target, key) => Reflect.has(load(), key),
  });
  require.cache[path] = { id: path, filename: path, loaded: true, exports: standIn, children: [], paths: [] } as unknown as NodeJS.Module;
  return true;
}

/** Puts in the stand-ins for the packages that the program file `app` loads; a part not found is left alone. */
export function deferRarelyUsed(app: string): void {
  const require = createRequire(app);
  for (const [owner, part] of DEFERRED) {
    let path: string;
    try {
      path = createRequire(require.resolve(owner)).resolve(part);
    } catch {
      continue;
    }
    defer(require, path);
  }
}
