#!/usr/bin/env node
// Bundles the command line (npm run build, after tsc): dist/cli/main.js and the two worker threads become one file
// each with shared chunks beside them in dist/cli/, so that starting the CLI reads a handful of files instead of about
// a thousand modules. Heavy parts stay behind dynamic imports (one chunk each), loaded only by the commands that need
// them. The library (dist/index.js) is left as tsc wrote it. Left outside the bundle: packages that find files of their
// own beside their code (pdfkit's standard fonts and ICC profile, piscina's thread script, resvg's WebAssembly, pdf.js, open's xdg-open).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

await build({
  entryPoints: ['cli/main.js', 'cli/batch-worker.js', 'charts/worker.js'].map((entry) => dist + entry),
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
  external: ['pdfkit', 'fontkit', 'linebreak', 'piscina', '@resvg/resvg-wasm', 'pdfjs-dist', 'open'],
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
