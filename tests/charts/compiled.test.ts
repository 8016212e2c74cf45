// A spec is compiled once per process for its config: drawn again for other rows, it is bound to them, and what the
// compiler said the first time is said again.
import { compile } from 'vega-lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { drawChart } from '../../src/charts/render.js';
import { barChart, texts, theme } from './helpers.js';

vi.mock('vega-lite', async (original) => {
  const lite = await original<typeof import('vega-lite')>();
  return { ...lite, compile: vi.fn(lite.compile) };
});

const compiled = vi.mocked(compile);

beforeEach(() => {
  compiled.mockClear();
});

describe('compiling a chart spec', () => {
  it('compiles a spec once for any rows, and draws each set of rows', async () => {
    const spec = {
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' }, shape: { field: 'label', type: 'nominal' } },
    };
    const first = await drawChart(barChart([{ label: 'first rows', value: 1 }], spec), theme);
    const second = await drawChart(barChart([{ label: 'second rows', value: 2 }], spec), theme);
    expect(compiled).toHaveBeenCalledTimes(1);
    expect(texts(first.svg)).toContain('first rows');
    expect(texts(second.svg)).toContain('second rows');
    expect(texts(second.svg)).not.toContain('first rows');
    // The shape channel does not apply to bars: Vega-Lite's warning, given with both charts.
    expect(first.warnings.map((w) => w.code)).toEqual(['chart/vega-warning']);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('compiles again for another spec or another theme', async () => {
    const rows = [{ label: 'a', value: 1 }];
    await drawChart(barChart(rows, { mark: 'tick' }), theme);
    await drawChart(barChart(rows, { mark: 'point' }), theme);
    await drawChart(barChart(rows, { mark: 'point' }), { ...theme, fontSize: theme.fontSize + 1 });
    await drawChart(barChart(rows, { mark: 'tick' }), theme);
    expect(compiled).toHaveBeenCalledTimes(3);
  });
});
