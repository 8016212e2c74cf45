// pdf.js's build for a browser page (the preview's viewer): the files, from the installed pdfjs-dist, by the name the
// page asks for. Nothing is fetched from the network.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The module and its worker, by file name, as absolute paths. */
export function pdfjsBrowserFiles(): ReadonlyMap<string, string> {
  const build = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');
  return new Map(['pdf.mjs', 'pdf.worker.mjs'].map((name) => [name, join(build, name)]));
}
