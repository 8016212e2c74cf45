#!/usr/bin/env node
// Bundles the command line (npm run build, after tsc), so that starting it reads a handful of files instead of about
// a thousand modules:
// - dist/cli/app.cjs: the command line (dist/cli/cli.js) as one CommonJS function, which dist/cli/main.js compiles
//   with V8's code cache and calls (src/cli/start.ts). Heavy parts stay behind dynamic imports, made lazy in the one file: run only
//   by the commands that need them.
// - dist/cli/vega.cjs: Vega, Vega-Lite and Vega's expression interpreter, the same way, compiled with a cache of its own
//   when a chart is drawn.
// - the two worker threads (batch builds, a user's chart), each one ES module file with shared chunks in dist/cli/.
// - dist/cli/code/: the program's own code cache, made by a build of a sample review (scripts/code-cache.mjs).
// The library (dist/index.js) and dist/cli/main.js are left as tsc wrote them. Left outside the bundle: packages that
// find files of their own beside their code (pdfkit's standard fonts and ICC profile, piscina's thread script, resvg's
// WebAssembly, pdf.js, open's xdg-open), and those pdfkit shares (fontkit, linebreak: one copy of each).
import { build } from 'esbuild';
import { makeCodeCache } from './code-cache.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const external = ['pdfkit', 'fontkit', 'linebreak', 'piscina', '@resvg/resvg-wasm', 'pdfjs-dist', 'open'];
// The chart libraries, bundled apart (dist/cli/vega.cjs, below) and compiled with a code cache of their own: a build
// whose charts come from the cache folder neither reads them nor loads their compiled code with the program's.
const vendored = ['vega', 'vega-lite', 'vega-interpreter'];
// Vega's canvas is never used here (charts are drawn as SVG, text measured with the review's fonts): its build without
// the optional `canvas` package (whose top-level await a CommonJS file cannot hold) behaves the same, and never picks
// up a `canvas` package found installed elsewhere.
const alias = { 'vega-canvas': fileURLToPath(new URL('../node_modules/vega-canvas/build/vega-canvas.browser.js', import.meta.url)) };

/** As dist/cli/main.js compiles each CommonJS bundle: one ASCII function of CommonJS's five names (see below). */
const compiledByStart = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  alias,
  charset: 'ascii',
  minifyWhitespace: true,
  footer: { js: '})' },
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...compiledByStart,
  stdin: {
    contents: "export * as vega from 'vega'; export * as vegaLite from 'vega-lite'; export * as interpreter from 'vega-interpreter';",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    sourcefile: 'vega-libraries.js',
  },
  outfile: dist + 'cli/vega.cjs',
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
});
asciiOnly(dist + 'cli/vega.cjs');

await build({
  ...compiledByStart,
  entryPoints: [dist + 'cli/cli.js'],
  outfile: dist + 'cli/app.cjs',
  external: [...external, ...vendored],
  // The code finds the package's files relative to its own (src/input/paths.ts): app.cjs is at the depth of cli.js.
  define: { 'import.meta.url': '__importMetaUrl' },
  // Read whole at every start: ASCII only (read as such, at a byte a character) and without the layout's white space.
  // The file is the function that dist/cli/main.js compiles and calls with CommonJS's five names: wrapped here, so
  // that the program's text is compiled as it is read, not copied into a joined string first (2.6 MB at every start).
  banner: { js: "(function (exports, require, module, __filename, __dirname) {const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
asciiOnly(dist + 'cli/app.cjs');

await build({
  entryPoints: ['cli/batch-worker.js', 'charts/worker.js'].map((entry) => dist + entry),
  outbase: dist,
  outdir: dist,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  // Chunks at the depth of the entry points: the code finds the package's files relative to its own (src/input/paths.ts).
  chunkNames: 'cli/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ES module builds first: a UMD build's require() of its own parts cannot be bundled.
  mainFields: ['module', 'main'],
  external,
  alias,
  // CommonJS packages inside an ES module bundle still call require and name __filename (write-file-atomic seeds a
  // hash with it); none of those bundled reads a file beside its code.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join(' '),
  },
  logLevel: 'warning',
  legalComments: 'none',
});

// Last, with the program complete: its own code cache (scripts/code-cache.mjs).
makeCodeCache();

/**
 * Fails the build when the bundle holds a character outside ASCII: Node then reads the whole file as UTF-8 into a
 * string of two bytes a character, at every start. esbuild escapes strings, but writes regular expression literals
 * and String.raw templates as they are: in those the source writes such a character as an escape (`\u2019`).
 */
function asciiOnly(file) {
  const lines = readFileSync(file, 'latin1').split('\n');
  const at = lines.findIndex((line) => /[^\x00-\x7f]/.test(line));
  if (at < 0) return;
  const [hit] = /.{0,40}[^\x00-\x7f].{0,20}/.exec(Buffer.from(lines[at], 'latin1').toString('utf8')) ?? [''];
  throw new Error(`${file}:${at + 1}: a character outside ASCII, in a regular expression or a String.raw template? Write it as a \\u escape in the source: ${hit}`);
}
