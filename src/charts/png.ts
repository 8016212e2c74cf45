// A chart's SVG as PNG, for attaching where SVG is not welcome: rasterised by resvg (WebAssembly, so nothing is
// built or downloaded at install) with the report's own font files and no system fonts, so the picture is the
// same on every machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);
let ready: Promise<void> | undefined;

/**
 * resvg's WebAssembly, started once per copy of its package, which refuses a second start: a second copy of this
 * module (a program that loads both the library and the bundled command line, or a test that resets its modules) finds
 * it started already.
 */
async function started(): Promise<void> {
  try {
    await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  } catch (e) {
    if (!(e instanceof Error && e.message.startsWith('Already initialized'))) throw e;
  }
}

/** Renders `svg` at `scale` pixels per point (2 by default: sharp on screens and in documents). */
export async function chartPng(svg: string, fontFiles: readonly string[], scale = 2): Promise<Buffer> {
  ready ??= started();
  await ready;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontBuffers: fontFiles.map((f) => readFileSync(f)), loadSystemFonts: false },
  });
  try {
    return Buffer.from(resvg.render().asPng());
  } finally {
    resvg.free();
  }
}
