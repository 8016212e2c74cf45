// The charts drawn in this process (memo.ts serves them). On their own so that the drawing module can offer
// forgetDrawnCharts too (render.ts), to callers that import it directly, without an import cycle.
import type { DrawnChart } from './types.js';

/**
 * Charts already drawn in this process, by everything that decides the drawing (spec, data, theme): a rebuild
 * after a change to the narrative (`build --watch`) redraws no chart. Rendering is a pure function of its input,
 * so a hit is the same SVG byte for byte. The oldest entries go first.
 */
export const drawn = new Map<string, Promise<DrawnChart>>();
export const REMEMBERED = 32;

/**
 * SVG drawings recorded in this process as they went into a PDF (src/layout/svg.ts), by a hash of all that decides
 * them: played back in a later build. Forgotten with the charts, so that a chart drawn afresh goes into the PDF afresh.
 */
export const recordedDrawings = new Map<string, unknown>();

/** Forgets the charts drawn so far, so that the next render draws afresh (tests of determinism use it). */
export function forgetDrawnCharts(): void {
  drawn.clear();
  recordedDrawings.clear();
}
