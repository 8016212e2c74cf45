// An ES module package imported while the program runs (pdf.js, open). The command line is built as one CommonJS
// script that cli/start.ts compiles with V8's code cache, and a script read back from that cache cannot make an
// import() of its own: start.ts hands it the import of the module that started it, under this key.
const IMPORT = Symbol.for('annual-review.import');

type Importer = (specifier: string) => Promise<unknown>;

/** Lets the command line's script import ES modules with `importer`: see above. */
export function provideImport(importer: Importer): void {
  (globalThis as Record<symbol, unknown>)[IMPORT] = importer;
}

/** Imports an ES module package: as the program's own import() does, or through the importer provided. */
export function importEsm<T>(specifier: string): Promise<T> {
  const provided = (globalThis as Record<symbol, unknown>)[IMPORT] as Importer | undefined;
  return (provided ? provided(specifier) : import(specifier)) as Promise<T>;
}
