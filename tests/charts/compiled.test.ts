// A spec is compiled once per process for its config: drawn again for other rows, it is bound to them, and what the
// compiler said the first time is said again.
import { describe, expect, it } from 'vitest';
import { drawChart, specsCompiled } from '../../src/charts/render.js';
import type { DrawnChart } from '../../src/charts/types.js';
import { barChart, texts, theme } from './helpers.js';

/** How many specs `body` had compiled. */
async function compiledBy(body: () => Promise<unknown>): Promise<number> {
  const before = specsCompiled();
  await body();
  return specsCompiled() - before;
}

describe('compiling a chart spec', () => {
  it('compiles a spec once for any rows, and draws each set of rows', async () => {
    // A spec of its own (its shape channel's title), which no other test compiles.
    const shape = { field: 'label', type: 'nominal', title: 'compiled once' };
    const spec = { encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' }, shape } };
    const charts: DrawnChart[] = [];
    const draw = (label: string) => async () => charts.push(await drawChart(barChart([{ label, value: 1 }], spec), theme));
    expect(await compiledBy(draw('first rows'))).toBe(1);
    expect(await compiledBy(draw('second rows'))).toBe(0);
    const [first, second] = charts as [DrawnChart, DrawnChart];
    expect(texts(first.svg)).toContain('first rows');
    expect(texts(second.svg)).toContain('second rows');
    expect(texts(second.svg)).not.toContain('first rows');
    // The shape channel does not apply to bars: Vega-Lite's warning, given with both charts.
    expect(first.warnings.map((w) => w.code)).toEqual(['chart/vega-warning']);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('compiles again for another spec or another theme', async () => {
    const rows = [{ label: 'a', value: 1 }];
    // Specs of their own (a description no other test gives), compiled for the first time here.
    const tick = barChart(rows, { mark: 'tick', description: 'compiled again' });
    const point = barChart(rows, { mark: 'point', description: 'compiled again' });
    const count = await compiledBy(async () => {
      await drawChart(tick, theme);
      await drawChart(point, theme);
      await drawChart(point, { ...theme, fontSize: theme.fontSize + 1 });
      await drawChart(tick, theme);
    });
    expect(count).toBe(3);
  });
});
