// A chart's PNG: resvg's WebAssembly is started once per copy of its package, and a second copy of the module that
// draws with it (a program loading both the library and the bundled command line) draws too.
import { describe, expect, it, vi } from 'vitest';
import { chartPng } from '../../src/charts/png.js';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="2" y="2" width="10" height="6" fill="#336699"/></svg>';

describe('chart PNG', () => {
  it('is drawn by a second copy of the module, once the first has started resvg', async () => {
    const first = await chartPng(svg, []);
    vi.resetModules();
    const other = (await import('../../src/charts/png.js')).chartPng;
    expect(other).not.toBe(chartPng);
    const second = await other(svg, []);
    expect(second.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(second.equals(first)).toBe(true);
  });
});
