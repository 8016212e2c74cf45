// Parts of packages the command line loads with them and almost never uses, stood in for until first used. fontkit
// loads a Brotli decoder, which decodes its dictionary as it loads, for WOFF2 fonts alone; pdfkit loads AES for
// encrypted PDFs alone. Together they cost a start-up about 30 ms. The stand-in loads the real module the first time
// it is called or a property of it is read, and passes everything on to it from then on.
//
// One part is answered by Node instead: tiny-inflate, a Deflate decoder written in JavaScript, with which fontkit,
// linebreak and unicode-properties unpack their Unicode tables as they load (about 25 ms of every start), is answered by
// Node's zlib, which gives the same bytes.
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';

/** Each part, and the package that loads it (its path is resolved from that package, wherever npm placed it). */
export const DEFERRED: readonly (readonly [owner: string, part: string])[] = [
  ['fontkit', 'brotli/decompress.js'],
  ['pdfkit', '@noble/ciphers/aes'],
];

/**
 * Each part answered by Node, as the path from a package to it (each package resolved from the one before: wherever
 * npm placed it), and what answers it.
 */
export const ANSWERED: readonly (readonly [path: readonly string[], answer: unknown])[] = [
  [['fontkit', 'tiny-inflate'], inflateInto],
  [['fontkit', 'unicode-properties', 'unicode-trie', 'tiny-inflate'], inflateInto],
  [['linebreak', 'unicode-trie', 'tiny-inflate'], inflateInto],
];

/**
 * tiny-inflate's function: the raw Deflate data `source` unpacked into `dest` (made the size expected), and `dest`
 * given back, or a copy of its first bytes when fewer came out.
 */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  const length = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, length));
  return length < dest.length ? dest.slice(0, length) : dest;
}

type Loaded = (...args: unknown[]) => unknown;

/**
 * A stand-in for the CommonJS module at `path`, put in `require`'s cache, so that whoever requires it gets the
 * stand-in. Does nothing when the module is loaded already. Returns whether the stand-in was put in.
 */
export function defer(require: NodeJS.Require, path: string): boolean {
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
  return answer(require, path, standIn);
}

/** Puts `exports` in `require`'s cache as the module at `path`, unless that module is loaded already. */
function answer(require: NodeJS.Require, path: string, exports: unknown): boolean {
  if (require.cache[path]) return false;
  require.cache[path] = { id: path, filename: path, loaded: true, exports, children: [], paths: [] } as unknown as NodeJS.Module;
  return true;
}

/** The file `names` leads to from `require`'s place: each name resolved from the one before; undefined when one is not found. */
function resolveChain(require: NodeJS.Require, names: readonly string[]): string | undefined {
  let path: string | undefined;
  try {
    for (const name of names) path = (path === undefined ? require : createRequire(path)).resolve(name);
  } catch {
    return undefined;
  }
  return path;
}

/** Puts in the stand-ins for the packages that the program file `app` loads; a part not found is left alone. */
export function deferRarelyUsed(app: string): void {
  const require = createRequire(app);
  for (const [owner, part] of DEFERRED) {
    const path = resolveChain(require, [owner, part]);
    if (path !== undefined) defer(require, path);
  }
  for (const [names, exports] of ANSWERED) {
    const path = resolveChain(require, names);
    if (path !== undefined) answer(require, path, exports);
  }
}
